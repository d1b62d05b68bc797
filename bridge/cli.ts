// apm-doctor: diagnose | probe | status | bridge | bundle | redact
console.log('apm-doctor');
