//! With the `serde` feature, reports serialize to the field names of the JSON contract.
#![cfg(feature = "serde")]

use certlint::{Certificate, Context, Policy};

#[test]
fn report_serializes_to_the_contract() {
    let pem = include_str!("data/sample-chain.pem");
    let cert = Certificate::parse_pem_bundle(pem).unwrap().remove(0);
    let report = Policy::webpki().lint(&cert, &Context::default());
    let v: serde_json::Value = serde_json::to_value(&report).unwrap();
    assert_eq!(v["type"], "subscriber_dv");
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), report.findings().len());
    for r in results {
        for key in ["rule", "status", "source", "citation", "aliases", "message"] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        let status = r["status"].as_str().unwrap();
        assert!(["na", "ne", "pass", "notice", "warn", "error", "fatal"].contains(&status), "{status}");
    }
}
