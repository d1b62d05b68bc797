// The constant programs the probe runs inside a container or pod (SPEC §5: no shell text is
// ever built from input). Each is a fixed string; the target travels as positional arguments
// (`sh -c SCRIPT sh ARG…`, `node -e SCRIPT -- ARG…`, `python3 -c SCRIPT ARG…`, `bash -c SCRIPT
// bash ARG…`). They are written for old runtimes found in app images (Node ≥ 8, Python ≥ 3.5,
// POSIX sh/busybox, bash ≥ 4) and print lines starting with `@@apmdoctor` that
// bridge/probe/in-target-parse.ts reads.

/**
 * Which tools exist, whether the default socket is there, and the target's environment.
 * $1 = socket path to test.
 */
export const DETECT_SH = `for t in curl wget node python3 bash; do command -v "$t" >/dev/null 2>&1 && echo "@@apmdoctor tool $t"; done
[ -S "$1" ] && echo "@@apmdoctor socket $1"
echo "@@apmdoctor env"
env`;

/** Same output as DETECT_SH, for images without a shell (distroless Node). argv: socket path. */
export const DETECT_NODE = `var fs=require('fs'),a=process.argv.slice(1),o=['@@apmdoctor tool node'];
try{if(fs.statSync(a[0]).isSocket())o.push('@@apmdoctor socket '+a[0]);}catch(e){}
o.push('@@apmdoctor env');Object.keys(process.env).forEach(function(k){o.push(k+'='+process.env[k]);});
process.stdout.write(o.join('\\n')+'\\n');`;

/** Same for images with python3 and no shell. argv: socket path. */
export const DETECT_PY = `import os,sys,stat
o=['@@apmdoctor tool python3']
try:
    if stat.S_ISSOCK(os.stat(sys.argv[1]).st_mode): o.append('@@apmdoctor socket '+sys.argv[1])
except OSError: pass
o.append('@@apmdoctor env')
o.extend(k+'='+v for k,v in os.environ.items())
sys.stdout.write('\\n'.join(o)+'\\n')`;

/**
 * The full probe in Node: DNS (lookup all + verbatim, the order Node tries), TCP to each
 * address in parallel, GET /info over the first connected socket (HTTP/1.0, bounded read),
 * optional POST of msgpack 0x90 to /v0.4/traces. Prints `@@apmdoctor-json {…}`.
 * argv: kind host port socket timeoutMs connectTimeoutMs writeCheck(0|1) maxBytes
 */
export const PROBE_NODE = `var net=require('net'),dns=require('dns'),fs=require('fs');
var A=process.argv.slice(1),kind=A[0],host=A[1],port=+A[2],sock=A[3],T=+A[4],CT=+A[5],W=A[6]==='1',MAX=+A[7];
var deadline=Date.now()+T,out={tool:'node',dns:null,tcp:[],unix:null,http:null,write:null},ended=false;
var hh=kind==='unix'?'localhost':(host.indexOf(':')>=0?'['+host+']':host)+':'+port;
function left(){return Math.max(1,deadline-Date.now());}
function el(s){var d=process.hrtime(s);return Math.round(d[0]*1e4+d[1]/1e5)/10;}
function er(e){return {code:String((e&&e.code)||'ERROR'),message:String((e&&e.message)||e).slice(0,300)};}
function done(){if(ended)return;ended=true;process.stdout.write('@@apmdoctor-json '+JSON.stringify(out)+'\\n');process.exit(0);}
setTimeout(done,T+1000).unref();
function conn(o,limit,cb){var s=process.hrtime(),fin=false,so=net.connect(o);
 var tm=setTimeout(function(){if(fin)return;fin=true;so.destroy();cb({code:'TIMEOUT',message:'connect timed out after '+limit+' ms'},null,el(s));},limit);
 so.once('connect',function(){if(fin)return;fin=true;clearTimeout(tm);cb(null,so,el(s));});
 so.once('error',function(e){if(fin)return;fin=true;clearTimeout(tm);cb(er(e),null,el(s));});}
function exch(so,head,body,limit,cb){var s=process.hrtime(),chunks=[],n=0,first=null,fin=false,trunc=false;
 var tm=setTimeout(function(){end({code:'TIMEOUT',message:'no answer within '+limit+' ms'});},limit);
 function end(e){if(fin)return;fin=true;clearTimeout(tm);so.destroy();cb(e,Buffer.concat(chunks),first,el(s),trunc);}
 so.on('data',function(c){if(first===null)first=el(s);n+=c.length;if(n>MAX){trunc=true;chunks.push(c.slice(0,c.length-(n-MAX)));end({code:'TOO_LARGE',message:'more than '+MAX+' bytes'});return;}chunks.push(c);});
 so.on('end',function(){end(null);});so.on('error',function(e){end(er(e));});
 so.write(head);if(body)so.write(body);}
function parse(buf){var s=buf.toString('latin1'),i=s.indexOf('\\r\\n\\r\\n');if(i<0)return null;
 var head=s.slice(0,i).split('\\r\\n'),m=/^HTTP\\/\\d\\.\\d (\\d{3})/.exec(head[0]);if(!m)return null;var h={};
 for(var k=1;k<head.length;k++){var j=head[k].indexOf(':');if(j>0)h[head[k].slice(0,j).trim().toLowerCase()]=head[k].slice(j+1).trim();}
 return {status:+m[1],headers:h,body:buf.slice(i+4).toString('utf8')};}
function noAnswer(e,buf){return e||(buf.length?{code:'BAD_RESPONSE',message:'not an HTTP answer'}:{code:'EOF',message:'connection closed without an answer'});}
function info(so,addr,cms){exch(so,'GET /info HTTP/1.0\\r\\nHost: '+hh+'\\r\\nUser-Agent: apm-doctor\\r\\nAccept: application/json\\r\\nConnection: close\\r\\n\\r\\n',null,left(),function(e,buf,first,total,trunc){
 var p=parse(buf);out.http={address:addr,status:p?p.status:null,connectMs:cms,firstByteMs:first,totalMs:total,bytes:buf.length,truncated:trunc,
 contentType:p?(p.headers['content-type']||null):null,agentVersion:p?(p.headers['datadog-agent-version']||null):null,body:p?p.body:buf.toString('utf8').slice(0,200),error:p?e:noAnswer(e,buf)};
 if(W&&p&&!e)write(addr);else done();});}
function write(addr){var o=kind==='unix'?{path:sock}:{host:addr,port:port},s=process.hrtime();conn(o,Math.min(CT,left()),function(e,so){
 if(e){out.write={status:null,agentVersion:null,ms:el(s),body:'',error:e};return done();}
 var b=Buffer.from?Buffer.from([0x90]):new Buffer([0x90]);
 exch(so,'POST /v0.4/traces HTTP/1.0\\r\\nHost: '+hh+'\\r\\nUser-Agent: apm-doctor\\r\\nContent-Type: application/msgpack\\r\\nX-Datadog-Trace-Count: 0\\r\\nContent-Length: 1\\r\\nConnection: close\\r\\n\\r\\n',b,left(),function(e2,buf){
 var p=parse(buf);out.write={status:p?p.status:null,agentVersion:p?(p.headers['datadog-agent-version']||null):null,ms:el(s),body:p?p.body.slice(0,200):'',payload:'msgpack',error:p?e2:noAnswer(e2,buf)};done();});});}
function tcp(){var ad=out.dns.addresses.slice(0,8),pending=ad.length,socks=[];if(!pending)return done();
 ad.forEach(function(a,i){conn({host:a.address,port:port,family:a.family},Math.min(CT,left()),function(e,so,t){out.tcp[i]={address:a.address,family:a.family,port:port,ok:!e,ms:t,error:e};socks[i]=so;if(--pending===0)next();});});
 function next(){var pick=-1;for(var i=0;i<socks.length;i++){if(socks[i]){if(pick<0)pick=i;else socks[i].destroy();}}if(pick<0)return done();info(socks[pick],ad[pick].address,out.tcp[pick].ms);}}
if(kind==='unix'){out.unix={path:sock,exists:null,isSocket:null,mode:null,uid:null,gid:null,connect:null};
 try{var st=fs.statSync(sock);out.unix.exists=true;out.unix.isSocket=st.isSocket();out.unix.mode=('000'+(st.mode&4095).toString(8)).slice(-4);out.unix.uid=st.uid;out.unix.gid=st.gid;}catch(e){out.unix.exists=e.code==='ENOENT'?false:null;}
 conn({path:sock},Math.min(CT,left()),function(e,so,t){out.unix.connect={ok:!e,ms:t,error:e};if(e)return done();info(so,null,t);});
}else{var fam=net.isIP(host),s0=process.hrtime();
 if(fam){out.dns={addresses:[{address:host,family:fam}],ms:0,error:null};tcp();}
 else{var dt=setTimeout(function(){out.dns={addresses:[],ms:el(s0),error:{code:'TIMEOUT',message:'lookup timed out'}};done();},left());
  dns.lookup(host,{all:true,verbatim:true},function(e,l){clearTimeout(dt);if(out.dns)return;
   out.dns={addresses:e?[]:l.map(function(x){return {address:x.address,family:x.family};}),ms:el(s0),error:e?er(e):null};if(e)return done();tcp();});}}`;

/** The same probe in Python 3 (getaddrinfo order, sequential connects). argv as PROBE_NODE. */
export const PROBE_PY = `import errno,json,os,socket,stat,sys,time
A=sys.argv[1:];kind,host,port,sock=A[0],A[1],int(A[2]),A[3];T=int(A[4])/1000.0;CT=int(A[5])/1000.0;W=A[6]=='1';MAX=int(A[7])
deadline=time.time()+T;out={'tool':'python3','dns':None,'tcp':[],'unix':None,'http':None,'write':None}
hh='localhost' if kind=='unix' else (('['+host+']') if ':' in host else host)+':'+str(port)
GAI={-2:'ENOTFOUND',-3:'EAI_AGAIN',-5:'ENOTFOUND',-4:'EAI_FAIL',-9:'EAI_ADDRFAMILY'}
def left(): return max(0.001,deadline-time.time())
def ms(s): return round((time.time()-s)*1000,1)
def er(e):
    if isinstance(e,socket.timeout): return {'code':'TIMEOUT','message':'timed out'}
    if isinstance(e,socket.gaierror): return {'code':GAI.get(e.args[0],'EAI_FAIL'),'message':str(e)[:300]}
    if isinstance(e,OSError) and e.errno in errno.errorcode: return {'code':errno.errorcode[e.errno],'message':str(e)[:300]}
    return {'code':'ERROR','message':str(e)[:300]}
def done():
    sys.stdout.write('@@apmdoctor-json '+json.dumps(out)+'\\n');sys.stdout.flush();sys.exit(0)
def conn(fam,addr,limit):
    s=time.time();so=socket.socket(fam,socket.SOCK_STREAM);so.settimeout(limit)
    try:
        so.connect(addr);return None,so,ms(s)
    except Exception as e:
        so.close();return er(e),None,ms(s)
def exch(so,head,body):
    s=time.time();buf=b'';first=None;trunc=False;e=None
    try:
        so.settimeout(left());so.sendall(head+body)
        while True:
            so.settimeout(left());c=so.recv(65536)
            if not c: break
            if first is None: first=ms(s)
            buf+=c
            if len(buf)>MAX: buf=buf[:MAX];trunc=True;e={'code':'TOO_LARGE','message':'more than %d bytes'%MAX};break
    except Exception as x: e=er(x)
    so.close();return e,buf,first,ms(s),trunc
def parse(buf):
    i=buf.find(b'\\r\\n\\r\\n')
    if i<0: return None
    head=buf[:i].decode('latin-1').split('\\r\\n')
    p=head[0].split(' ')
    if len(p)<2 or not p[0].startswith('HTTP/') or not p[1].isdigit(): return None
    h={}
    for l in head[1:]:
        if ':' in l: k,v=l.split(':',1);h[k.strip().lower()]=v.strip()
    return int(p[1]),h,buf[i+4:].decode('utf-8','replace')
def noans(e,buf): return e or ({'code':'BAD_RESPONSE','message':'not an HTTP answer'} if buf else {'code':'EOF','message':'connection closed without an answer'})
def info(so,addr,cms):
    e,buf,first,total,trunc=exch(so,('GET /info HTTP/1.0\\r\\nHost: '+hh+'\\r\\nUser-Agent: apm-doctor\\r\\nAccept: application/json\\r\\nConnection: close\\r\\n\\r\\n').encode(),b'')
    p=parse(buf)
    out['http']={'address':addr,'status':p[0] if p else None,'connectMs':cms,'firstByteMs':first,'totalMs':total,'bytes':len(buf),'truncated':trunc,
        'contentType':p[1].get('content-type') if p else None,'agentVersion':p[1].get('datadog-agent-version') if p else None,'body':p[2] if p else buf[:200].decode('utf-8','replace'),'error':e if p else noans(e,buf)}
    return bool(p) and e is None
def write(fam,addr):
    s=time.time();e,so,t=conn(fam,addr,min(CT,left()))
    if e: out['write']={'status':None,'agentVersion':None,'ms':ms(s),'body':'','error':e};return
    e,buf,first,total,trunc=exch(so,('POST /v0.4/traces HTTP/1.0\\r\\nHost: '+hh+'\\r\\nUser-Agent: apm-doctor\\r\\nContent-Type: application/msgpack\\r\\nX-Datadog-Trace-Count: 0\\r\\nContent-Length: 1\\r\\nConnection: close\\r\\n\\r\\n').encode(),b'\\x90')
    p=parse(buf)
    out['write']={'status':p[0] if p else None,'agentVersion':p[1].get('datadog-agent-version') if p else None,'ms':ms(s),'body':p[2][:200] if p else '','payload':'msgpack','error':e if p else noans(e,buf)}
if kind=='unix':
    u={'path':sock,'exists':None,'isSocket':None,'mode':None,'uid':None,'gid':None,'connect':None};out['unix']=u
    try:
        st=os.stat(sock);u['exists']=True;u['isSocket']=stat.S_ISSOCK(st.st_mode);u['mode']='%04o'%(st.st_mode&0o7777);u['uid']=st.st_uid;u['gid']=st.st_gid
    except OSError as x: u['exists']=False if x.errno==errno.ENOENT else None
    e,so,t=conn(socket.AF_UNIX,sock,min(CT,left()));u['connect']={'ok':e is None,'ms':t,'error':e}
    if e: done()
    if info(so,None,t) and W: write(socket.AF_UNIX,sock)
    done()
s0=time.time()
try:
    infos=socket.getaddrinfo(host,port,0,socket.SOCK_STREAM)
except Exception as x:
    out['dns']={'addresses':[],'ms':ms(s0),'error':er(x)};done()
seen=[];ad=[]
for f,_,_,_,sa in infos:
    if sa[0] in seen: continue
    seen.append(sa[0]);ad.append((f,sa))
out['dns']={'addresses':[{'address':sa[0],'family':6 if f==socket.AF_INET6 else 4} for f,sa in ad[:8]],'ms':ms(s0),'error':None}
for f,sa in ad[:8]:
    e,so,t=conn(f,sa,min(CT,left()))
    out['tcp'].append({'address':sa[0],'family':6 if f==socket.AF_INET6 else 4,'port':port,'ok':e is None,'ms':t,'error':e})
    if so:
        if info(so,sa[0],t) and W: write(f,sa)
        done()
done()`;

/**
 * bash's /dev/tcp: connect, GET /info (HTTP/1.0), optional POST of msgpack 0x90. TCP only.
 * argv: host port timeoutSeconds writeCheck(0|1). Timings need bash ≥ 5 ($EPOCHREALTIME).
 */
export const PROBE_BASH = `h=$1 p=$2 t=$3
ask() {
  echo "@@apmdoctor-bash begin $1 \${EPOCHREALTIME:-}"
  if ! exec 3<>"/dev/tcp/$h/$p"; then echo "@@apmdoctor-bash connect-failed $1 \${EPOCHREALTIME:-}"; return 1; fi
  echo "@@apmdoctor-bash connected $1 \${EPOCHREALTIME:-}"
  if [ "$1" = info ]; then
    printf 'GET /info HTTP/1.0\\r\\nHost: %s:%s\\r\\nUser-Agent: apm-doctor\\r\\nConnection: close\\r\\n\\r\\n' "$h" "$p" >&3
  else
    printf 'POST /v0.4/traces HTTP/1.0\\r\\nHost: %s:%s\\r\\nUser-Agent: apm-doctor\\r\\nContent-Type: application/msgpack\\r\\nX-Datadog-Trace-Count: 0\\r\\nContent-Length: 1\\r\\nConnection: close\\r\\n\\r\\n\\220' "$h" "$p" >&3
  fi
  first=1
  while :; do
    IFS= read -r -t "$t" line <&3; rc=$?
    if [ $rc -gt 128 ]; then echo; echo "@@apmdoctor-bash timeout $1 \${EPOCHREALTIME:-}"; break; fi
    if [ $first = 1 ] && { [ $rc = 0 ] || [ -n "$line" ]; }; then echo "@@apmdoctor-bash first-byte $1 \${EPOCHREALTIME:-}"; first=0; fi
    if [ $rc != 0 ]; then printf '%s' "$line"; echo; break; fi
    printf '%s\\n' "$line"
  done
  exec 3<&-
  echo "@@apmdoctor-bash end $1 \${EPOCHREALTIME:-}"
}
ask info && [ "$4" = 1 ] && ask write
exit 0`;

/** curl reads the msgpack body from stdin; the rest of its argv comes from the fixed template. */
export const CURL_WRITE_SH = `printf '\\220' | exec curl "$@"`;

/**
 * wget honours proxy variables and has no portable flag to ignore them; GNU wget retries a
 * read timeout 20 times unless told `--tries=1`, a flag busybox wget doesn't know. argv: wget's own.
 */
export const WGET_SH = `unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY
case "$(wget --version 2>&1)" in *"GNU Wget"*) set -- --tries=1 "$@";; esac
exec wget "$@"`;

/** Everything the environment snapshot reads in a container, in one exec, as marked sections. */
export const SNAPSHOT_SH = `echo "@@apmdoctor section env"; env
echo "@@apmdoctor section os-release"; cat /etc/os-release 2>/dev/null
echo "@@apmdoctor section uname"; uname -srm 2>/dev/null
echo "@@apmdoctor section tcp"; cat /proc/net/tcp 2>/dev/null
echo "@@apmdoctor section tcp6"; cat /proc/net/tcp6 2>/dev/null
echo "@@apmdoctor section socketdir"; ls -1A "$1" 2>/dev/null
echo "@@apmdoctor section markers"; for f in /.dockerenv /run/.containerenv; do [ -e "$f" ] && echo "$f"; done
echo "@@apmdoctor section cgroup"; cat /proc/1/cgroup 2>/dev/null
echo "@@apmdoctor section end"`;
