//! Policies: built-ins by name, custom rules, exclusion by id, alias and source, severity
//! overrides, and the engine's handling of scope and effective dates.

use certlint::{
    Certificate, Context, Outcome, Policy, Rule, RuleMeta, Scope, Severity, Source, Status, Time, POLICIES,
};

const SAMPLE: &str = include_str!("data/sample-chain.pem");

fn leaf() -> Certificate {
    Certificate::parse_pem_bundle(SAMPLE).unwrap().remove(0)
}

struct AlwaysFails;
static ALWAYS_FAILS: RuleMeta = RuleMeta::new("acme.always_fails", Source::Custom("acme"), Severity::Warn)
    .summary("fails on every TLS subscriber certificate issued from March 2025")
    .citation("test")
    .scope(Scope::TLS_SUBSCRIBER)
    .effective(Time::ymd(2025, 3, 1));

impl Rule for AlwaysFails {
    fn meta(&self) -> &'static RuleMeta {
        &ALWAYS_FAILS
    }
    fn check(&self, _: &Certificate, _: &Context) -> Outcome {
        Outcome::fail("always")
    }
}

#[test]
fn built_in_policies_by_name() {
    for name in POLICIES {
        let p = Policy::by_name(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(p.name(), name);
        assert!(!p.is_empty(), "{name} is empty");
    }
    assert!(Policy::by_name("nope").is_none());
    let webpki = Policy::webpki();
    for part in [
        Policy::rfc5280(),
        Policy::cabf_tls_br(),
        Policy::cabf_ev(),
        Policy::mozilla(),
        Policy::chrome(),
        Policy::apple(),
    ] {
        for m in part.rules() {
            assert!(webpki.rules().any(|w| w.id() == m.id()), "webpki lacks {}", m.id());
        }
    }
    assert!(Policy::all().len() >= webpki.len());
}

#[test]
fn custom_rules_run_with_scope_and_dates() {
    let policy = Policy::rfc5280().with_rule(AlwaysFails);
    let report = policy.lint(&leaf(), &Context::default());
    let f = report.get("acme.always_fails").unwrap();
    assert_eq!((f.status(), f.message()), (Status::Warn, "always"));
    // Out of scope: a root.
    let root = Certificate::parse_pem_bundle(SAMPLE).unwrap().remove(2);
    assert_eq!(
        policy.lint(&root, &Context::default()).get("acme.always_fails").unwrap().status(),
        Status::NotApplicable
    );
    // The type override puts it back in scope.
    let ctx = Context::default().with_type(certlint::CertType::SubscriberDv);
    assert_eq!(policy.lint(&root, &ctx).get("acme.always_fails").unwrap().status(), Status::NotEffective);
}

#[test]
fn exclusion_by_id_alias_and_source() {
    let base = Policy::webpki();
    let id = "rfc5280.extension_duplicate";
    assert!(base.rules().any(|m| m.id() == id));
    for name in [id, "zlint:e_ext_duplicate_extension", "e_ext_duplicate_extension", "pkilint:pkix.duplicate_extension"]
    {
        let p = base.clone().exclude(name);
        assert!(!p.rules().any(|m| m.id() == id), "{name} did not exclude {id}");
        assert_eq!(p.len(), base.len() - 1, "{name} excluded more than one rule");
    }
    let no_apple = base.clone().exclude_source(Source::Apple);
    assert!(no_apple.rules().all(|m| m.source() != Source::Apple));
    assert!(no_apple.len() < base.len());
}

#[test]
fn severity_overrides() {
    let policy = Policy::new("t").with_rule(AlwaysFails).with_severity("acme.always_fails", Severity::Error);
    let report = policy.lint(&leaf(), &Context::default());
    assert_eq!(report.get("acme.always_fails").unwrap().status(), Status::Error);
    assert!(report.has_errors());
}

#[test]
fn statuses_are_ordered_and_reports_display() {
    use Status::*;
    let order = [NotApplicable, NotEffective, Pass, Notice, Warn, Error, Fatal];
    assert!(order.windows(2).all(|w| w[0] < w[1]));
    let report = Policy::new("t").with_rule(AlwaysFails).lint(&leaf(), &Context::default());
    let text = report.to_string();
    assert!(text.contains("warn") && text.contains("acme.always_fails") && text.contains("always"), "{text}");
    let clean = Policy::new("empty").lint(&leaf(), &Context::default());
    assert!(clean.to_string().contains("no problems found"));
}

#[test]
fn pre_issuance_tbs_lints_without_a_signature() {
    // The TBSCertificate inside the sample leaf, linted on its own.
    let leaf = leaf();
    let tbs = Certificate::from_tbs_der(leaf.tbs_der()).unwrap();
    assert!(tbs.signature_algorithm().is_none());
    let a = Policy::webpki().lint(&leaf, &Context::default());
    let b = Policy::webpki().lint(&tbs, &Context::default());
    let errors = |r: &certlint::Report| r.problems().filter(|f| f.status() >= Status::Error).count();
    assert_eq!(errors(&a), errors(&b));
}
