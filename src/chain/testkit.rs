//! Chains made in code for the tests: each CA has its own P-256 key, names and key
//! identifiers link each certificate to its issuer, and signatures are real.
#![allow(dead_code)]

use alloc::{string::String, vec::Vec};

use crate::oid::{attr, ext};
use crate::testutil::{der::*, *};
use crate::{Certificate, Context, Policy, Status, Time};

use super::{Chain, ChainRule, PairRule};

/// A certificate under construction and the secret of its own key.
#[derive(Clone, Debug)]
pub struct Node {
    pub b: CertBuilder,
    pub secret: [u8; 32],
}

fn ca_name(cn: &str) -> Vec<u8> {
    name(&[
        (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
        (&attr::ORGANIZATION, tag::UTF8_STRING, "Example CA"),
        (&attr::COMMON_NAME, tag::UTF8_STRING, cn),
    ])
}

impl Node {
    /// A self-signed root (key `k`).
    pub fn root(cn: &str, k: u8) -> Self {
        let mut b = CertBuilder::root().key([k; 32]).ext(&ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[k; 20]));
        b.subject = ca_name(cn);
        b.issuer = b.subject.clone();
        Self { b, secret: [k; 32] }
    }

    /// A TLS subordinate CA issued by `issuer` (key `k`).
    pub fn sub(cn: &str, k: u8, issuer: &Node) -> Self {
        let mut b = CertBuilder::sub_ca()
            .key([k; 32])
            .ext(&ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[k; 20]))
            .ext(&ext::AUTHORITY_KEY_IDENTIFIER, false, &seq(&[&ctx_prim(0, &issuer.ski())]));
        b.subject = ca_name(cn);
        b.issuer = issuer.b.subject.clone();
        Self { b, secret: [k; 32] }
    }

    /// A TLS leaf for `dns` names issued by `issuer` (key `k`).
    pub fn leaf(dns: &[&str], k: u8, issuer: &Node) -> Self {
        let mut b = CertBuilder::leaf().key([k; 32]).san_dns(dns).ext(
            &ext::AUTHORITY_KEY_IDENTIFIER,
            false,
            &seq(&[&ctx_prim(0, &issuer.ski())]),
        );
        if let Some(first) = dns.first() {
            b = b.subject(&[(&attr::COMMON_NAME, tag::UTF8_STRING, first)]);
        }
        b.issuer = issuer.b.subject.clone();
        Self { b, secret: [k; 32] }
    }

    /// The subject key identifier derived from the key byte.
    pub fn ski(&self) -> [u8; 20] {
        [self.secret[0]; 20]
    }

    /// Changes the builder.
    pub fn with(mut self, f: impl FnOnce(CertBuilder) -> CertBuilder) -> Self {
        self.b = f(self.b);
        self
    }

    /// Signed by `issuer`'s key.
    pub fn by(&self, issuer: &Node) -> Certificate {
        self.b.build_signed_with(issuer.secret)
    }

    /// Signed by its own key.
    pub fn self_signed(&self) -> Certificate {
        self.b.build_signed_with(self.secret)
    }
}

/// Root "Root A" (key 1), intermediate "Issuing CA" (key 2), leaf example.com (key 3).
pub fn abc() -> (Node, Node, Node) {
    let r = Node::root("Root A", 1);
    let i = Node::sub("Issuing CA", 2, &r);
    let l = Node::leaf(&["example.com", "www.example.com"], 3, &i);
    (r, i, l)
}

/// The three certificates of [`abc`], leaf first.
pub fn abc_certs() -> Vec<Certificate> {
    let (r, i, l) = abc();
    alloc::vec![l.by(&i), i.by(&r), r.self_signed()]
}

/// A context at 2025-07-01, when every certificate of [`abc`] is valid.
pub fn ctx() -> Context {
    Context::at(Time::ymd(2025, 7, 1))
}

/// A pair rule's status and message on link `index`.
pub fn pair(rule: &'static dyn PairRule, chain: &Chain, index: usize, ctx: &Context) -> (Status, String) {
    let report = Policy::new("test").with_static_pair_rule(rule).lint_chain(chain, ctx);
    let f = report.link(index).first().expect("one finding");
    (f.status(), f.message().into())
}

/// A chain rule's status and message.
pub fn chain(rule: &'static dyn ChainRule, chain: &Chain, ctx: &Context) -> (Status, String) {
    let report = Policy::new("test").with_static_chain_rule(rule).lint_chain(chain, ctx);
    let f = report.chain_findings().first().expect("one finding");
    (f.status(), f.message().into())
}

/// Asserts a pair rule's status on link `index` of the chain taken in the given order.
#[track_caller]
pub fn assert_pair(rule: &'static dyn PairRule, certs: Vec<Certificate>, index: usize, want: Status) -> String {
    let c = Chain::new(certs).expect("chain");
    let (got, msg) = pair(rule, &c, index, &ctx());
    assert_eq!(got, want, "{} said {got} ({msg})", rule.meta().id());
    msg
}

/// Asserts a chain rule's status on a chain.
#[track_caller]
pub fn assert_chain(rule: &'static dyn ChainRule, c: &Chain, ctx: &Context, want: Status) -> String {
    let (got, msg) = chain(rule, c, ctx);
    assert_eq!(got, want, "{} said {got} ({msg})", rule.meta().id());
    msg
}

/// A P-256 / ecdsa-with-SHA256 verifier from the dev-dependencies, so that signature tests
/// run without the `verify` feature.
pub struct P256Test;

impl super::SignatureVerifier for P256Test {
    fn verify(
        &self,
        key: &crate::cert::SubjectPublicKeyInfo<'_>,
        alg: &crate::cert::AlgorithmIdentifier<'_>,
        message: &[u8],
        signature: &[u8],
    ) -> super::Verification {
        use super::Verification;
        use p256::ecdsa::signature::Verifier;
        if !alg.oid.is(&crate::oid::alg::ECDSA_WITH_SHA256) {
            return Verification::Unsupported;
        }
        let Ok(crate::cert::PublicKey::Ec { point, .. }) = key.public_key() else { return Verification::Unsupported };
        let Ok(vk) = p256::ecdsa::VerifyingKey::from_sec1_bytes(point) else { return Verification::Unsupported };
        let Ok(sig) = p256::ecdsa::DerSignature::from_bytes(signature) else { return Verification::Invalid };
        if vk.verify(message, &sig).is_ok() {
            Verification::Valid
        } else {
            Verification::Invalid
        }
    }
}
