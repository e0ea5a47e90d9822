//! `lint`: the command-line face of certlint.
//!
//! ```text
//! cargo run --release --example lint -- [OPTIONS] [FILE...]
//! ```
//!
//! With no FILE, lints the bundled sample chain. A FILE is PEM (any number of
//! certificates; text around them is ignored) or DER; `-` reads standard input.
//!
//! Options:
//!   --format text|json   text (default) or JSON Lines, one object per certificate
//!   --all                also list pass, not-applicable and not-effective results
//!   --policy NAME        rfc5280, cabf_tls_br, cabf_ev, mozilla, chrome, apple,
//!                        community, webpki (default), all
//!   --type TYPE          lint as this certificate type instead of detecting it;
//!                        `precertificate` or `final` say which of the two it is meant to be
//!   --at RFC3339         evaluation time (chain mode defaults to now)
//!   --chain              lint all FILEs' certificates as one bundle: order it, build the
//!                        path, run the pair and chain rules; one more object per run
//!                        with "chain": true
//!   --roots FILE         trust anchors to complete and end the path (implies --chain)
//!   --host NAME          the host name the leaf must cover (implies --chain)
//!   --eku PURPOSE        a key purpose the chain must allow: serverAuth, clientAuth,
//!                        codeSigning, emailProtection, timeStamping, ocspSigning or a
//!                        dotted OID; repeatable (implies --chain)
//!   --list-rules         print the rules of the policy and exit
//!
//! Exit status: 0 when nothing is at error or above, 1 when something is, 2 for bad
//! usage or input that is not a certificate (with a one-line reason on stderr).

use std::io::Read;
use std::process::ExitCode;

use certlint::chain::Origin;
use certlint::oid::{eku, ObjectIdentifier};
use certlint::{CertType, Certificate, Chain, Context, Finding, Policy, Report, Status, Time};

// `text_block` counts findings in an array indexed by status.
const _: () = assert!(Status::NotApplicable as usize == 0 && Status::Pass as usize == 2 && Status::Fatal as usize == 6);

const SAMPLE: &str = include_str!("../tests/data/sample-chain.pem");

struct Options {
    json: bool,
    all: bool,
    policy: Policy,
    ctx: Context,
    list_rules: bool,
    chain: bool,
    at_given: bool,
    roots: Option<String>,
    files: Vec<String>,
}

fn usage() -> &'static str {
    "usage: lint [--format text|json] [--all] [--policy NAME] [--type TYPE] [--at RFC3339] [--chain] [--roots FILE] [--host NAME] [--eku PURPOSE] [--list-rules] [FILE...]"
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        json: false,
        all: false,
        policy: Policy::webpki(),
        ctx: Context::default(),
        list_rules: false,
        chain: false,
        at_given: false,
        roots: None,
        files: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--format" => match value("--format")?.as_str() {
                "json" => o.json = true,
                "text" => o.json = false,
                other => return Err(format!("unknown format {other:?} (text or json)")),
            },
            "--all" => o.all = true,
            "--list-rules" => o.list_rules = true,
            "--policy" => {
                let name = value("--policy")?;
                o.policy = Policy::by_name(&name)
                    .ok_or_else(|| format!("unknown policy {name:?} (one of {})", certlint::POLICIES.join(", ")))?;
            }
            "--type" => {
                let name = value("--type")?;
                // Not a profile: whether the caller means a precertificate or a final one.
                if name == "precertificate" || name == "final" {
                    o.ctx = o.ctx.with_precertificate(name == "precertificate");
                    continue;
                }
                let t = CertType::from_name(&name).ok_or_else(|| {
                    let names: Vec<_> = CertType::ALL.iter().map(|t| t.name()).collect();
                    format!("unknown type {name:?} (one of {})", names.join(", "))
                })?;
                o.ctx = o.ctx.with_type(t);
            }
            "--at" => {
                let v = value("--at")?;
                let t = Time::parse_rfc3339(&v).ok_or_else(|| format!("--at {v:?} is not an RFC 3339 time"))?;
                o.ctx = o.ctx.with_time(t);
                o.at_given = true;
            }
            "--chain" => o.chain = true,
            "--roots" => {
                o.roots = Some(value("--roots")?);
                o.chain = true;
            }
            "--host" => {
                o.ctx = o.ctx.with_host(value("--host")?);
                o.chain = true;
            }
            "--eku" => {
                let v = value("--eku")?;
                o.ctx = o.ctx.with_purpose(purpose(&v).ok_or_else(|| format!("unknown key purpose {v:?}"))?);
                o.chain = true;
            }
            "-h" | "--help" => return Err(usage().into()),
            "-" => o.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => o.files.push(arg),
        }
    }
    Ok(o)
}

/// A key purpose by name or dotted OID.
fn purpose(name: &str) -> Option<ObjectIdentifier> {
    Some(match name {
        "serverAuth" => eku::SERVER_AUTH,
        "clientAuth" => eku::CLIENT_AUTH,
        "codeSigning" => eku::CODE_SIGNING,
        "emailProtection" => eku::EMAIL_PROTECTION,
        "timeStamping" => eku::TIME_STAMPING,
        "ocspSigning" | "OCSPSigning" => eku::OCSP_SIGNING,
        "any" | "anyExtendedKeyUsage" => eku::ANY,
        dotted => ObjectIdentifier::new(dotted).ok()?,
    })
}

fn now() -> Time {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Time::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// Reads a file (or stdin) and decodes every certificate in it.
fn load(file: &str) -> Result<Vec<Certificate>, String> {
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("stdin: {e}"))?;
        buf
    } else {
        std::fs::read(file).map_err(|e| format!("{file}: {e}"))?
    };
    decode(&bytes).map_err(|e| format!("{file}: {e}"))
}

fn decode(bytes: &[u8]) -> Result<Vec<Certificate>, certlint::Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains("-----BEGIN") => Certificate::parse_pem_bundle(text),
        Ok(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace()) => {
            Err(certlint::Error::NoPem { found: None })
        }
        // A CA's pre-issuance pipeline hands over TBSCertificates: lint them as such.
        _ => match Certificate::from_der(bytes) {
            Err(certlint::Error::TbsCertificate) => Certificate::from_tbs_der(bytes).map(|c| vec![c]),
            other => other.map(|c| vec![c]),
        },
    }
}

fn subject(cert: &Certificate) -> String {
    cert.subject().map(|n| n.to_string()).unwrap_or_else(|e| format!("<{e}>"))
}

fn json_results(findings: &[Finding], all: bool) -> Vec<serde_json::Value> {
    findings
        .iter()
        .filter(|f| all || f.status().is_problem())
        .map(|f: &Finding| {
            serde_json::json!({
                "rule": f.rule().id(),
                "status": f.status().as_str(),
                "source": f.rule().source().as_str(),
                "citation": f.rule().cited(),
                "aliases": f.rule().alias_names(),
                "message": f.message(),
            })
        })
        .collect()
}

fn json_line(file: &str, index: usize, cert: &Certificate, report: &Report, all: bool) -> String {
    let results = json_results(report.findings(), all);
    serde_json::json!({
        "file": file,
        "index": index,
        "subject": subject(cert),
        "type": report.cert_type().name(),
        "precertificate": cert.is_precertificate(),
        "results": results,
    })
    .to_string()
}

fn text_block(file: &str, index: usize, cert: &Certificate, report: &Report, all: bool) -> String {
    use std::fmt::Write;
    let mut out = format!("{file} #{index}  {}  {}\n", report.cert_type(), subject(cert));
    // One pass over the findings for the ones to show and all the counts (indexed in
    // `Status` order: not applicable, not effective, pass, notice, warn, error, fatal).
    let mut shown: Vec<&Finding> = Vec::new();
    let mut counts = [0usize; 7];
    for f in report.findings() {
        counts[f.status() as usize] += 1;
        if all || f.status().is_problem() {
            shown.push(f);
        }
    }
    shown.sort_by_key(|f| std::cmp::Reverse(f.status()));
    for f in &shown {
        let _ = writeln!(out, "  {f}");
    }
    let [na, ne, pass, notice, warn, error, fatal] = counts;
    let _ = writeln!(
        out,
        "  {} rules: {pass} pass, {na} not applicable, {ne} not effective, {notice} notice, {warn} warn, {error} error, {fatal} fatal",
        report.findings().len(),
    );
    out
}

fn json_chain(chain: &Chain, report: &Report, all: bool) -> String {
    let path: Vec<String> = chain.certificates().iter().map(subject).collect();
    serde_json::json!({
        "chain": true,
        "path": path,
        "type": report.cert_type().name(),
        "results": json_results(report.findings(), all),
    })
    .to_string()
}

fn text_chain(chain: &Chain, report: &Report, all: bool) -> String {
    use std::fmt::Write;
    let mut out = format!("chain of {} certificates\n", chain.len());
    for (i, cert) in chain.certificates().iter().enumerate() {
        let _ = writeln!(out, "  #{i} {}", subject(cert));
    }
    let mut shown: Vec<&Finding> = report.findings().iter().filter(|f| all || f.status().is_problem()).collect();
    shown.sort_by_key(|f| std::cmp::Reverse(f.status()));
    for f in &shown {
        let _ = writeln!(out, "  {f}");
    }
    if !report.findings().iter().any(|f| f.status().is_problem()) {
        let _ = writeln!(out, "  no chain problems ({} pair and chain rules)", report.findings().len());
    }
    out
}

/// Writes to stdout; `Ok(false)` when the reader went away (`lint ... | head`).
fn emit(out: &mut impl std::io::Write, text: &str) -> Result<bool, String> {
    match out.write_all(text.as_bytes()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(format!("stdout: {e}")),
    }
}

/// `--chain`: every file's certificates form one bundle.
fn run_chain(o: Options, inputs: Vec<(String, Vec<Certificate>)>) -> Result<bool, String> {
    let mut ctx = o.ctx.clone();
    if !o.at_given {
        // Expiry is judged now unless --at says otherwise (the sample chain: mid-2025).
        ctx = ctx.with_time(if o.files.is_empty() { Time::ymd(2025, 7, 1) } else { now() });
    }
    let mut places = Vec::new();
    let mut bundle = Vec::new();
    for (file, certs) in inputs {
        for (i, c) in certs.into_iter().enumerate() {
            places.push((file.clone(), i));
            bundle.push(c);
        }
    }
    let mut builder = Chain::builder(bundle.clone());
    if let Some(r) = &o.roots {
        builder = builder.roots(load(r)?);
    }
    let chain = builder.build().map_err(|e| format!("chain: {e}"))?;
    let report = o.policy.lint_chain(&chain, &ctx);
    let mut failed = report.has_errors();
    let mut out = std::io::stdout().lock();
    let mut in_path = vec![false; bundle.len()];
    for (i, (cert, cert_report)) in chain.certificates().iter().zip(report.certificates()).enumerate() {
        let (file, index) = match chain.origin(i) {
            Some(Origin::Bundle(p)) => {
                if let Some(seen) = in_path.get_mut(p) {
                    *seen = true;
                }
                places.get(p).cloned().unwrap_or_default()
            }
            Some(Origin::Root(p)) => (o.roots.clone().unwrap_or_default(), p),
            None => Default::default(),
        };
        let text = if o.json {
            json_line(&file, index, cert, cert_report, o.all) + "\n"
        } else {
            text_block(&file, index, cert, cert_report, o.all)
        };
        if !emit(&mut out, &text)? {
            return Ok(failed);
        }
    }
    // Bundle certificates off the path (duplicates, strays) are still linted on their own.
    for (p, cert) in bundle.iter().enumerate().filter(|(p, _)| !in_path.get(*p).copied().unwrap_or(true)) {
        let r = o.policy.lint(cert, &ctx);
        failed |= r.has_errors();
        let (file, index) = places.get(p).cloned().unwrap_or_default();
        let text = if o.json {
            json_line(&file, index, cert, &r, o.all) + "\n"
        } else {
            text_block(&file, index, cert, &r, o.all)
        };
        if !emit(&mut out, &text)? {
            return Ok(failed);
        }
    }
    let chain_report = report.chain_report();
    let text =
        if o.json { json_chain(&chain, &chain_report, o.all) + "\n" } else { text_chain(&chain, &chain_report, o.all) };
    emit(&mut out, &text)?;
    Ok(failed)
}

fn run() -> Result<bool, String> {
    let o = parse_args(std::env::args().skip(1))?;
    if o.list_rules {
        for m in o.policy.rules() {
            println!("{:<60} {:<7} {}", m.id(), format!("{:?}", m.severity()).to_lowercase(), m.cited());
        }
        return Ok(false);
    }
    let inputs: Vec<(String, Vec<Certificate>)> = if o.files.is_empty() {
        let certs = Certificate::parse_pem_bundle(SAMPLE).map_err(|e| format!("sample chain: {e}"))?;
        vec![("sample-chain.pem".into(), certs)]
    } else {
        o.files.iter().map(|f| load(f).map(|c| (f.clone(), c))).collect::<Result<_, _>>()?
    };
    if o.chain {
        return run_chain(o, inputs);
    }
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    for (file, certs) in &inputs {
        for (index, cert) in certs.iter().enumerate() {
            let report = o.policy.lint(cert, &o.ctx);
            failed |= report.has_errors();
            let text = if o.json {
                json_line(file, index, cert, &report, o.all) + "\n"
            } else {
                text_block(file, index, cert, &report, o.all)
            };
            if !emit(&mut out, &text)? {
                return Ok(failed);
            }
        }
    }
    Ok(failed)
}

fn main() -> ExitCode {
    match run() {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(reason) => {
            eprintln!("lint: {reason}");
            ExitCode::from(2)
        }
    }
}
