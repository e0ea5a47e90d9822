//! A downstream crate adds its own rule to a built-in policy.
//!
//! ACME Corp's PKI policy: TLS certificates live at most 90 days and use P-256 keys. The
//! rule is a unit struct with static metadata, like the built-in ones; it runs next to
//! the whole `webpki` catalog, and its failures show up in the same report.

use certlint::cert::PublicKey;
use certlint::{Certificate, Context, Outcome, Policy, Rule, RuleMeta, Scope, Severity, Source};

/// `acme.short_lived_p256`: at most 90 days, P-256 only.
struct ShortLivedP256;

static SHORT_LIVED_P256: RuleMeta = RuleMeta::new("acme.short_lived_p256", Source::Custom("acme"), Severity::Error)
    .summary("TLS certificates live at most 90 days and use P-256 keys")
    .citation("ACME Corp certificate policy §4.2")
    .scope(Scope::TLS_SUBSCRIBER);

impl Rule for ShortLivedP256 {
    fn meta(&self) -> &'static RuleMeta {
        &SHORT_LIVED_P256
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (Ok(validity), Ok(spki)) = (cert.validity(), cert.spki()) else {
            return Outcome::NotApplicable; // rfc5280.structure_malformed reports it
        };
        let days = (validity.seconds() + 86_399) / 86_400;
        if days > 90 {
            return Outcome::fail(format!("valid for {days} days; our limit is 90"));
        }
        match spki.public_key() {
            Ok(PublicKey::Ec { curve, .. }) if curve.is(&certlint::oid::alg::SECP256R1) => Outcome::Pass,
            _ => Outcome::fail("the key is not a P-256 key"),
        }
    }
}

fn main() -> Result<(), certlint::Error> {
    let policy = Policy::webpki()
        .with_rule(ShortLivedP256)
        // Our CA never issues IV certificates, so their rules only add noise; and we treat
        // the recommended-validity warning as an error.
        .exclude_source(certlint::Source::Apple)
        .with_severity("cabf_br.subscriber_validity_over_recommended", Severity::Error);

    let bundle = include_str!("../tests/data/sample-chain.pem");
    let leaf = &Certificate::parse_pem_bundle(bundle)?[0];
    let report = policy.lint(leaf, &Context::default());
    let ours = report.get("acme.short_lived_p256").map(|f| f.status());
    println!("{} rules ran; acme.short_lived_p256: {:?}", report.findings().len(), ours);
    print!("{report}");
    Ok(())
}
