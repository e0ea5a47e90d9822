//! TLS Baseline Requirements pair rules: byte-identical issuer names (§7.1.4.1), issuance
//! inside the issuer's validity (§7.1.2 validity tables), and the ECDSA signature hash
//! fixed by the issuer's curve (§7.1.3.2.2).

use alloc::format;

use crate::cert::PublicKey;
use crate::cert_type::CertType;
use crate::chain::{names, ChainRule, Pair, PairRule};
use crate::oid::alg;
use crate::rule::{Outcome, RuleMeta, Severity, Source};
use crate::time::{Time, DAY};
use crate::{Context, Scope};

pub(crate) static PAIR_RULES: &[&dyn PairRule] =
    &[&ChainIssuerNameNotByteIdentical, &ChainIssuedOutsideIssuerValidity, &ChainSignatureHashMismatchesIssuerCurve];

pub(crate) static CHAIN_RULES: &[&dyn ChainRule] = &[];

/// `cabf_br.chain_issuer_name_not_byte_identical`
///
/// **What it checks**: the certificate's encoded issuer name is byte-for-byte identical to
/// its issuer's encoded subject name.
///
/// **Why it matters**: TLS BR §7.1.4.1 requires, for every certificate of a valid path,
/// byte-identical issuer and issuer-subject encodings: validators that compare bytes (and
/// many do) otherwise fail to chain, although RFC 5280 §7.1 would call the names equal.
///
/// **Example**: issuer `CN=Issuing CA` as PrintableString under a subject encoded as
/// UTF8String fails; identical bytes pass; names that do not even match under RFC 5280
/// §7.1 are not applicable (`rfc5280.chain_issuer_name_mismatch` reports them).
pub struct ChainIssuerNameNotByteIdentical;

impl PairRule for ChainIssuerNameNotByteIdentical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.chain_issuer_name_not_byte_identical", Source::CabfBr, Severity::Error)
                .summary("the issuer name must be byte-for-byte identical to the issuer's subject")
                .citation("TLS BR §7.1.4.1")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2023, 9, 15));
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Ok(issuer), Ok(subject)) = (pair.cert().issuer(), pair.issuer().subject()) else {
            return Outcome::NotApplicable;
        };
        if issuer.raw() == subject.raw() {
            Outcome::Pass
        } else if names::names_match(issuer, subject) {
            Outcome::fail(format!(
                "issuer \"{issuer}\" matches the issuer's subject only after normalization, not byte for byte"
            ))
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `cabf_br.chain_issued_outside_issuer_validity`
///
/// **What it checks**: the certificate's notBefore lies within its issuer's validity
/// period, allowing the 48 hours by which a notBefore may precede the signing.
///
/// **Why it matters**: the TLS BR profiles fix notBefore to the time of signing (within
/// 48 hours for subscribers, §7.1.2.7; one day for CAs, §7.1.2.1, §7.1.2.3-§7.1.2.6), so
/// a notBefore after the issuer's notAfter means the CA signed with an expired
/// certificate, and one well before the issuer's notBefore claims a signature before the
/// issuer existed. Neither certificate can ever be part of a valid path (RFC 5280
/// §6.1.3 (a)(2)). Cross-certificates are exempt: §7.1.2.2.1 lets their notBefore go back
/// to the existing CA certificate's.
///
/// **Example**: a leaf with notBefore 2030-02-01 under a CA expiring 2030-01-01 fails; a
/// leaf issued inside the CA's period passes; a cross-certified CA is not applicable.
pub struct ChainIssuedOutsideIssuerValidity;

impl PairRule for ChainIssuedOutsideIssuerValidity {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.chain_issued_outside_issuer_validity", Source::CabfBr, Severity::Error)
                .summary("a certificate must be issued while its issuer's certificate is valid")
                .citation("TLS BR §7.1.2.7, §7.1.2.1, §7.1.2.3-§7.1.2.6 (validity tables); RFC 5280 §6.1.3 (a)(2)")
                .scope(tls_br_but_cross())
                .effective(Time::ymd(2023, 9, 15));
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Ok(c), Ok(i)) = (pair.cert().validity(), pair.issuer().validity()) else {
            return Outcome::NotApplicable;
        };
        let nb = c.not_before.time;
        if nb > i.not_after.time {
            Outcome::fail(format!("notBefore {nb} is after the issuer's notAfter {}", i.not_after.time))
        } else if nb.unix() + 2 * DAY < i.not_before.time.unix() {
            Outcome::fail(format!("notBefore {nb} is before the issuer's notBefore {}", i.not_before.time))
        } else {
            Outcome::Pass
        }
    }
}

const fn tls_br_but_cross() -> Scope {
    let mut s = Scope::NONE;
    let all = CertType::ALL;
    let mut i = 0;
    while i < all.len() {
        let t = all[i];
        if Scope::TLS_BR.contains(t) && !matches!(t, CertType::SubCaCrossCertified) {
            s = s.with(t);
        }
        i += 1;
    }
    s
}

/// `cabf_br.chain_signature_hash_mismatches_issuer_curve`
///
/// **What it checks**: a certificate signed with an ECDSA key uses the hash the key's
/// curve dictates: SHA-256 for P-256, SHA-384 for P-384, SHA-512 for P-521.
///
/// **Why it matters**: TLS BR §7.1.3.2.2 fixes the ECDSA signature algorithm (and its
/// exact encoding) by the signing key's curve; pairing a curve with a weaker or stronger
/// hash is not allowed.
///
/// **Example**: ecdsa-with-SHA256 under a P-384 issuer fails; ecdsa-with-SHA384 under it
/// passes; an RSA issuer is not applicable.
pub struct ChainSignatureHashMismatchesIssuerCurve;

impl PairRule for ChainSignatureHashMismatchesIssuerCurve {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.chain_signature_hash_mismatches_issuer_curve", Source::CabfBr, Severity::Error)
                .summary("an ECDSA signature must use the hash that the issuer key's curve dictates")
                .citation("TLS BR §7.1.3.2.2")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2023, 9, 15));
        &META
    }

    fn check(&self, pair: &Pair<'_>, _: &Context) -> Outcome {
        let (Ok(sig), Ok(spki)) = (pair.cert().tbs_signature_algorithm(), pair.issuer().spki()) else {
            return Outcome::NotApplicable;
        };
        let Ok(PublicKey::Ec { curve, .. }) = spki.public_key() else { return Outcome::NotApplicable };
        let (want, name) = if curve.is(&alg::SECP256R1) {
            (&alg::ECDSA_WITH_SHA256, "P-256 requires ecdsa-with-SHA256")
        } else if curve.is(&alg::SECP384R1) {
            (&alg::ECDSA_WITH_SHA384, "P-384 requires ecdsa-with-SHA384")
        } else if curve.is(&alg::SECP521R1) {
            (&alg::ECDSA_WITH_SHA512, "P-521 requires ecdsa-with-SHA512")
        } else {
            return Outcome::NotApplicable;
        };
        if sig.oid.is(want) {
            Outcome::Pass
        } else {
            Outcome::fail(format!("signed with {} by a key on {name}", sig.oid))
        }
    }
}
