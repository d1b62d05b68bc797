// The support bundle: build once from what we know, render as Markdown (clipboard) or JSON.
export {buildBundle} from './build';
export {bundleJsonObject, renderBundleJson, REDACTION_NOTE} from './json';
export {renderBundleMarkdown} from './markdown';
export {extractAgentYaml, AGENT_YAML_KEYS} from './agent-yaml';
export {detectEnv} from './environment';
export {flareSteps} from './flare';
export {bundleInputFromRequest, findingFromJson, type BundleRequestParts} from './from-json';
export type {BundleFinding, BundleInput, ContextLine, FlareStep, SupportBundle} from './types';
