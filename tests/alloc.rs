//! Allocation budget: a rule that passes (or does not apply) allocates nothing, and the
//! report of a certificate allocates a bounded amount per finding.
//!
//! A counting global allocator tallies allocations made on this thread around each
//! `Rule::check`; the test runs single-threaded inside one `#[test]` so that other tests
//! cannot disturb the count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use certlint::{Certificate, Context, Outcome, Policy, Status};

struct Counting;

thread_local! {
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = COUNT.try_with(|c| c.set(c.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = COUNT.try_with(|c| c.set(c.get() + 1));
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = COUNT.with(Cell::get);
    let out = f();
    (out, COUNT.with(Cell::get) - before)
}

fn bench_certificates() -> Vec<(String, Certificate)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, Certificate::from_pem(&std::fs::read_to_string(p).unwrap()).unwrap())
        })
        .collect()
}

#[test]
fn passing_rules_do_not_allocate_and_reports_stay_small() {
    // Signature verification is the verifier's business (with the `verify` feature the
    // RustCrypto RSA code allocates); the rules' own work must not allocate.
    let ctx = Context::default().without_signature_checks();
    let certs = bench_certificates();
    assert!(certs.len() >= 6);
    let mut offenders = Vec::new();
    let mut checked = 0;
    for (name, cert) in &certs {
        for rule in certlint::rules::all() {
            let (outcome, n) = allocations(|| rule.check(cert, &ctx));
            if matches!(outcome, Outcome::Pass | Outcome::NotApplicable) {
                checked += 1;
                if n != 0 {
                    offenders.push(format!("{} on {name}: {n} allocations", rule.meta().id()));
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
    assert!(offenders.is_empty(), "rules allocating on a passing path:\n{}", offenders.join("\n"));

    // The whole report: one vector of findings, plus for each failure its boxed detail
    // and its message (which formatting may grow once).
    let policy = Policy::by_name("webpki").unwrap();
    for (name, cert) in &certs {
        let (report, n) = allocations(|| policy.lint(cert, &ctx));
        let failures = report.findings().iter().filter(|f| f.status() > Status::Pass).count();
        // At least the findings vector: the counter sees the report's allocations.
        assert!(n >= 1 && n <= 1 + 3 * failures, "{name}: {n} allocations for {failures} failures");
    }
}
