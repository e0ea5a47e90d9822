//! Chain mode on arbitrary bytes: the input is split into certificates (each a DER
//! element, as many as fit), ordered into a chain, optionally against the last one as a
//! trust anchor, and linted with the pair and chain rules. Never a panic.
#![no_main]

use std::sync::OnceLock;

use certlint::{Certificate, Chain, Context, Policy, Time};
use libfuzzer_sys::fuzz_target;

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(Policy::webpki)
}

/// Splits `data` into consecutive DER elements (by their outer length) and decodes each.
fn certificates(mut data: &[u8]) -> Vec<Certificate> {
    let mut out = Vec::new();
    while data.len() >= 2 && out.len() < 12 {
        let len = match data[1] {
            n if n < 0x80 => 2 + usize::from(n),
            0x81 if data.len() > 2 => 3 + usize::from(data[2]),
            0x82 if data.len() > 3 => 4 + (usize::from(data[2]) << 8 | usize::from(data[3])),
            _ => data.len(),
        };
        let (head, rest) = data.split_at(len.min(data.len()));
        if let Ok(c) = Certificate::from_der(head) {
            out.push(c);
        }
        data = rest;
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, data)) = data.split_first() else { return };
    let mut certs = certificates(data);
    if certs.is_empty() {
        return;
    }
    let ctx = Context::at(Time::ymd(2025, 7, 1)).with_host("example.com").with_purpose(certlint::oid::eku::SERVER_AUTH);
    let mut builder = if flags & 1 == 1 && certs.len() > 1 {
        let anchor = certs.pop().into_iter().collect();
        Chain::builder(certs).roots(anchor)
    } else {
        Chain::builder(certs)
    };
    if flags & 2 == 2 {
        builder = builder.keep_order();
    }
    if let Ok(chain) = builder.build() {
        let report = policy().lint_chain(&chain, &ctx);
        for (_, f) in report.findings() {
            assert!(!f.message().contains("panicked"), "{f}");
        }
        let _ = report.to_string();
    }
});
