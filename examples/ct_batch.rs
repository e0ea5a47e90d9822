//! Lint a large PEM file on every core: the shape a Certificate Transparency monitor uses.
//!
//! ```text
//! cargo run --release --example ct_batch -- [FILE.pem] [--policy NAME] [--threads N]
//! ```
//!
//! With no FILE, lints the bundled Mozilla roots repeated up to 20,000 certificates. Prints
//! the throughput and, per rule, how many certificates it failed, gravest first.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use certlint::{Certificate, Context, Policy, Status};

/// One worker's tally: failures per (rule, status), certificates linted, refused.
type Tally = (BTreeMap<(&'static str, Status), usize>, usize, usize);

fn split_pem(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let Some(len) = rest[start..].find("-----END CERTIFICATE-----") else { break };
        let end = start + len + "-----END CERTIFICATE-----".len();
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

fn bundled() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/mozilla-roots");
    let mut one = String::new();
    for e in std::fs::read_dir(dir).expect("bundled roots") {
        one.push_str(&std::fs::read_to_string(e.expect("entry").path()).expect("readable"));
    }
    let per_copy = split_pem(&one).len().max(1);
    one.repeat(20_000 / per_copy + 1)
}

fn main() -> Result<(), String> {
    let mut file = None;
    let mut policy = Policy::webpki();
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--policy" => {
                let n = args.next().ok_or("--policy needs a name")?;
                policy = Policy::by_name(&n).ok_or(format!("unknown policy {n}"))?;
            }
            "--threads" => {
                threads =
                    args.next().and_then(|n| n.parse().ok()).filter(|&n| n > 0).ok_or("--threads needs a number")?;
            }
            _ => file = Some(a),
        }
    }
    let text = match &file {
        Some(f) => std::fs::read_to_string(f).map_err(|e| format!("{f}: {e}"))?,
        None => bundled(),
    };
    let blocks = split_pem(&text);
    // Decoding from PEM is part of the work a monitor does, so it is timed too.
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    let per_thread: Vec<Tally> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let ctx = Context::default();
                    let mut histogram = BTreeMap::new();
                    let (mut linted, mut refused) = (0, 0);
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(pem) = blocks.get(i) else { break };
                        match Certificate::from_pem(pem) {
                            Ok(cert) => {
                                linted += 1;
                                for f in policy.lint(&cert, &ctx).problems() {
                                    *histogram.entry((f.rule().id(), f.status())).or_insert(0) += 1;
                                }
                            }
                            Err(_) => refused += 1,
                        }
                    }
                    (histogram, linted, refused)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker")).collect()
    });
    let elapsed = started.elapsed();
    let mut histogram: BTreeMap<(&str, Status), usize> = BTreeMap::new();
    let (mut linted, mut refused) = (0, 0);
    for (h, l, r) in per_thread {
        linted += l;
        refused += r;
        for (k, v) in h {
            *histogram.entry(k).or_insert(0) += v;
        }
    }
    let rate = linted as f64 / elapsed.as_secs_f64();
    println!(
        "{linted} certificates linted ({refused} refused) with {} rules on {threads} threads in {:.2?}: {rate:.0}/s, {:.0}/s per thread",
        policy.len(),
        elapsed,
        rate / threads as f64
    );
    let mut rows: Vec<_> = histogram.into_iter().collect();
    rows.sort_by(|a, b| b.0 .1.cmp(&a.0 .1).then(b.1.cmp(&a.1)));
    println!("{:>8}  {:<7} rule", "certs", "status");
    for ((id, status), count) in rows {
        println!("{count:>8}  {:<7} {id}", status.as_str());
    }
    Ok(())
}
