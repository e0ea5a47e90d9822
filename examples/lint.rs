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
//!   --type TYPE          lint as this certificate type instead of detecting it
//!   --at RFC3339         evaluation time for time-dependent checks
//!   --list-rules         print the rules of the policy and exit
//!
//! Exit status: 0 when nothing is at error or above, 1 when something is, 2 for bad
//! usage or input that is not a certificate (with a one-line reason on stderr).

use std::io::Read;
use std::process::ExitCode;

use certlint::{CertType, Certificate, Context, Finding, Policy, Report, Status, Time};

const SAMPLE: &str = include_str!("../tests/data/sample-chain.pem");

struct Options {
    json: bool,
    all: bool,
    policy: Policy,
    ctx: Context,
    list_rules: bool,
    files: Vec<String>,
}

fn usage() -> &'static str {
    "usage: lint [--format text|json] [--all] [--policy NAME] [--type TYPE] [--at RFC3339] [--list-rules] [FILE...]"
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut o = Options {
        json: false,
        all: false,
        policy: Policy::webpki(),
        ctx: Context::default(),
        list_rules: false,
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
            }
            "-h" | "--help" => return Err(usage().into()),
            "-" => o.files.push(arg),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => o.files.push(arg),
        }
    }
    Ok(o)
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

fn json_line(file: &str, index: usize, cert: &Certificate, report: &Report, all: bool) -> String {
    let results: Vec<serde_json::Value> = report
        .findings()
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
        .collect();
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
    let mut shown: Vec<&Finding> = report.findings().iter().filter(|f| all || f.status().is_problem()).collect();
    shown.sort_by_key(|f| std::cmp::Reverse(f.status()));
    for f in &shown {
        let _ = writeln!(out, "  {f}");
    }
    let count = |s: Status| report.findings().iter().filter(|f| f.status() == s).count();
    let _ = writeln!(
        out,
        "  {} rules: {} pass, {} not applicable, {} not effective, {} notice, {} warn, {} error, {} fatal",
        report.findings().len(),
        count(Status::Pass),
        count(Status::NotApplicable),
        count(Status::NotEffective),
        count(Status::Notice),
        count(Status::Warn),
        count(Status::Error),
        count(Status::Fatal),
    );
    out
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
            match std::io::Write::write_all(&mut out, text.as_bytes()) {
                Ok(()) => {}
                // The reader went away (`lint ... | head`): stop quietly.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(failed),
                Err(e) => return Err(format!("stdout: {e}")),
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
