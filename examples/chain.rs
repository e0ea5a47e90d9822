//! A server operator checks the certificate bundle they are about to deploy.
//!
//! ```text
//! cargo run --example chain -- fullchain.pem --host www.example.com [--roots roots.pem] [--at 2025-07-01]
//! cargo run --example chain --features verify -- fullchain.pem --host www.example.com
//! ```
//!
//! Without a file, checks the bundled sample chain for `www.example.com`. The bundle is
//! ordered (whatever order the file has), completed from the trust anchors if given, and
//! linted as a chain: order, duplicates, stray certificates, missing links, expiry at the
//! given time (default: now), the host name, serverAuth, and every certificate on its own.
//! Exit status 0 when nothing is at error or above, 1 otherwise, 2 on bad input.

use std::process::ExitCode;

use certlint::chain::{Origin, Place};
use certlint::oid::eku;
use certlint::{Certificate, Chain, Context, Policy, Status, Time};

fn main() -> ExitCode {
    match run() {
        Ok(clean) => {
            if clean {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("chain: {e}");
            ExitCode::from(2)
        }
    }
}

fn read_pem(path: &str) -> Result<Vec<Certificate>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Certificate::parse_pem_bundle(&text).map_err(|e| format!("{path}: {e}"))
}

fn now() -> Time {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    Time::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
}

fn run() -> Result<bool, String> {
    let mut args = std::env::args().skip(1);
    let (mut file, mut host, mut roots, mut at) = (None, None, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--host" => host = args.next(),
            "--roots" => roots = args.next(),
            "--at" => at = args.next(),
            _ if a.starts_with("--") => return Err(format!("unknown option {a}")),
            _ => file = Some(a),
        }
    }
    let (bundle, time, host) = match file {
        Some(f) => (read_pem(&f)?, None, host),
        None => {
            let pem = include_str!("../tests/data/sample-chain.pem");
            let bundle = Certificate::parse_pem_bundle(pem).map_err(|e| e.to_string())?;
            // The sample chain is valid in mid-2025.
            (bundle, Some(Time::ymd(2025, 7, 1)), host.or_else(|| Some("www.example.com".into())))
        }
    };
    let time = match at {
        Some(s) => Time::parse_rfc3339(&s).ok_or_else(|| format!("--at: not an RFC 3339 time: {s}"))?,
        None => time.unwrap_or_else(now),
    };

    let mut builder = Chain::builder(bundle);
    if let Some(r) = &roots {
        builder = builder.roots(read_pem(r)?);
    }
    let chain = builder.build().map_err(|e| e.to_string())?;

    let mut ctx = Context::at(time).with_purpose(eku::SERVER_AUTH);
    if let Some(h) = &host {
        ctx = ctx.with_host(h.clone());
    }

    println!("path ({} certificates, evaluated at {time}):", chain.len());
    for (i, cert) in chain.certificates().iter().enumerate() {
        let from = match chain.origin(i) {
            Some(Origin::Bundle(p)) => format!("bundle #{p}"),
            Some(Origin::Root(p)) => format!("trust anchor #{p}"),
            None => String::new(),
        };
        let subject = cert.subject().map(|s| s.to_string()).unwrap_or_else(|_| "(unreadable)".into());
        println!("  #{i} {subject}  [{from}]");
    }

    let report = Policy::webpki().lint_chain(&chain, &ctx);
    let mut shown = 0;
    for (place, f) in report.problems() {
        // A trust anchor from --roots is the root program's business, not the deployer's.
        if let Place::Certificate(i) = place {
            if matches!(chain.origin(i), Some(Origin::Root(_))) {
                continue;
            }
        }
        shown += 1;
        println!("{place}: {f}");
    }
    let blocking = report
        .problems()
        .filter(|(place, f)| {
            f.status() >= Status::Error
                && !matches!(place, Place::Certificate(i) if matches!(chain.origin(*i), Some(Origin::Root(_))))
        })
        .count();
    if shown == 0 {
        println!("no problems found: ready to deploy");
    } else if blocking == 0 {
        println!("{shown} finding(s), none blocking");
    } else {
        println!("{blocking} blocking finding(s): do not deploy this bundle");
    }
    Ok(blocking == 0)
}
