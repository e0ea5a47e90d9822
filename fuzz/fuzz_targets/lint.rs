//! The full catalog on arbitrary bytes framed as a certificate: never a panic, never a
//! rule that reports one.
#![no_main]

use std::sync::OnceLock;

use certlint::{Certificate, Context, Policy};
use libfuzzer_sys::fuzz_target;

fn policy() -> &'static Policy {
    static POLICY: OnceLock<Policy> = OnceLock::new();
    POLICY.get_or_init(Policy::all)
}

fuzz_target!(|data: &[u8]| {
    for cert in [Certificate::from_der(data), Certificate::from_tbs_der(data)].into_iter().flatten() {
        let report = policy().lint(&cert, &Context::default());
        for f in report.findings() {
            assert!(!f.message().contains("panicked"), "{f}");
        }
        let _ = report.to_string();
    }
});
