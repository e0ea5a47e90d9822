//! Cost of linting, next to the cost of decoding.
//!
//! `cargo bench --bench lint` prints nanoseconds per certificate for a bare
//! `x509_cert::Certificate::from_der`, certlint's `Certificate::from_der`, and every
//! built-in policy (parse included), over the certificates in `benches/data/`. The last
//! line is the ratio of the full `webpki` lint to the bare x509-cert decode.
//!
//! Each figure is the median of 15 batches of at least 20 ms each, so that one noisy
//! batch on a shared machine does not move it. The x509-cert decode is compiled in a crate
//! of its own (`benches/baseline`), where changes to certlint cannot change its inlining.
//!
//! `cargo bench --bench lint -- webpki` measures only the named policies (the decodes and
//! `webpki` are always measured, since the last line needs them).

use std::hint::black_box;
use std::time::{Duration, Instant};

use certlint::{Certificate, Context, Policy, POLICIES};

/// Median nanoseconds per call of `f`.
fn measure(mut f: impl FnMut()) -> f64 {
    let mut iters = 1u64;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            f();
        }
        if t.elapsed() >= Duration::from_millis(20) {
            break;
        }
        iters *= 2;
    }
    let mut samples: Vec<f64> = (0..15)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..iters {
                f();
            }
            t.elapsed().as_nanos() as f64 / iters as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let certs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| {
            let pem = std::fs::read_to_string(p).unwrap();
            let der = Certificate::from_pem(&pem).unwrap().der().to_vec();
            (p.file_stem().unwrap().to_string_lossy().into_owned(), der)
        })
        .collect();
    let ctx = Context::default();
    let wanted: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let names: Vec<&str> = POLICIES
        .iter()
        .copied()
        .filter(|n| wanted.is_empty() || *n == "webpki" || wanted.iter().any(|w| w == n))
        .collect();
    let policies: Vec<Policy> = names.iter().map(|n| Policy::by_name(n).unwrap()).collect();

    print!("{:<34} {:>10} {:>10}", "ns per certificate", "x509-cert", "certlint");
    for p in &policies {
        print!(" {:>11}", p.name());
    }
    println!();
    let mut totals = vec![0.0f64; 2 + policies.len()];
    for (name, der) in &certs {
        let mut row = vec![
            measure(|| {
                black_box(certlint_bench_baseline::decode(black_box(der)));
            }),
            measure(|| {
                black_box(Certificate::from_der(black_box(der)).ok());
            }),
        ];
        for p in &policies {
            row.push(measure(|| {
                let cert = Certificate::from_der(black_box(der)).unwrap();
                black_box(p.lint(&cert, &ctx));
            }));
        }
        print!("{name:<34}");
        for (i, v) in row.iter().enumerate() {
            totals[i] += v;
            print!(" {:>w$.0}", v, w = if i < 2 { 10 } else { 11 });
        }
        println!();
    }
    let n = certs.len() as f64;
    print!("{:<34}", "mean");
    for (i, t) in totals.iter().enumerate() {
        print!(" {:>w$.0}", t / n, w = if i < 2 { 10 } else { 11 });
    }
    println!();
    let webpki = 2 + names.iter().position(|p| *p == "webpki").unwrap();
    let rules = policies[webpki - 2].len();
    println!("webpki: {rules} rules, {:.0} certificates per second per core", 1e9 / (totals[webpki] / n));
    println!("ratio lint/decode: {:.2}", totals[webpki] / totals[0]);
}
