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

/// The TLS BR types but cross-certified subordinate CAs.
const fn tls_br_but_cross() -> Scope {
    Scope::TLS_SUBSCRIBER
        .union(Scope::ROOT)
        .with(CertType::SubCaTcNonTls)
        .with(CertType::SubCaPrecertSigning)
        .with(CertType::SubCaTcTls)
        .with(CertType::SubCaTls)
        .with(CertType::OcspResponder)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::testkit::*;
    use crate::oid::attr;
    use crate::testutil::der::*;
    use crate::testutil::ec_spki;
    use crate::Status;
    use alloc::vec;

    fn dated(n: Node, y: i64, m: u32, d: u32) -> Node {
        n.with(|b| b.validity(Time::ymd(y, m, d), Time::from_unix(Time::ymd(y, m, d).unix() + 90 * DAY)))
    }

    #[test]
    fn issuer_name_not_byte_identical() {
        let (r, i, l) = abc();
        assert_pair(&ChainIssuerNameNotByteIdentical, abc_certs(), 0, Status::Pass);
        let printable = |n: Node| {
            n.with(|b| {
                b.issuer(&[
                    (&attr::COUNTRY, tag::PRINTABLE_STRING, "US"),
                    (&attr::ORGANIZATION, tag::PRINTABLE_STRING, "Example CA"),
                    (&attr::COMMON_NAME, tag::PRINTABLE_STRING, "Issuing CA"),
                ])
            })
        };
        let msg = assert_pair(
            &ChainIssuerNameNotByteIdentical,
            vec![printable(l.clone()).by(&i), i.by(&r)],
            0,
            Status::Error,
        );
        assert!(msg.contains("byte for byte"), "{msg}");
        let other = l.clone().with(|b| b.issuer(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "Other")]));
        assert_pair(&ChainIssuerNameNotByteIdentical, vec![other.by(&i), i.by(&r)], 0, Status::NotApplicable);
        let before = printable(dated(l.clone(), 2023, 9, 14));
        assert_pair(&ChainIssuerNameNotByteIdentical, vec![before.by(&i), i.by(&r)], 0, Status::NotEffective);
        let day_of = printable(dated(l, 2023, 9, 15));
        assert_pair(&ChainIssuerNameNotByteIdentical, vec![day_of.by(&i), i.by(&r)], 0, Status::Error);
    }

    #[test]
    fn issued_outside_issuer_validity() {
        let (r, i, l) = abc();
        assert_pair(&ChainIssuedOutsideIssuerValidity, abc_certs(), 0, Status::Pass);
        let expired_ca = i.clone().with(|b| b.validity(Time::ymd(2025, 1, 1), Time::ymd(2025, 5, 1)));
        let msg = assert_pair(
            &ChainIssuedOutsideIssuerValidity,
            vec![l.by(&expired_ca), expired_ca.by(&r)],
            0,
            Status::Error,
        );
        assert!(msg.contains("after the issuer's notAfter"), "{msg}");
        let later_ca = i.clone().with(|b| b.validity(Time::ymd(2025, 7, 1), Time::ymd(2030, 1, 1)));
        let msg =
            assert_pair(&ChainIssuedOutsideIssuerValidity, vec![l.by(&later_ca), later_ca.by(&r)], 0, Status::Error);
        assert!(msg.contains("before the issuer's notBefore"), "{msg}");
        // Within 48 hours before the issuer's notBefore is tolerated.
        let close = i.clone().with(|b| b.validity(Time::ymd(2025, 6, 2), Time::ymd(2030, 1, 1)));
        assert_pair(&ChainIssuedOutsideIssuerValidity, vec![l.by(&close), close.by(&r)], 0, Status::Pass);
        // The intermediate has no EKU: a cross-certified CA, whose notBefore may go back.
        let cross = i.clone().with(|b| b.without_ext(&crate::oid::ext::EXT_KEY_USAGE));
        assert_pair(&ChainIssuedOutsideIssuerValidity, vec![cross.by(&r), r.self_signed()], 0, Status::NotApplicable);
        let old = dated(l.clone(), 2023, 9, 14);
        let old_ca = i.clone().with(|b| b.validity(Time::ymd(2020, 1, 1), Time::ymd(2021, 1, 1)));
        assert_pair(&ChainIssuedOutsideIssuerValidity, vec![old.by(&old_ca), old_ca.by(&r)], 0, Status::NotEffective);
        let day_of = dated(l, 2023, 9, 15);
        assert_pair(&ChainIssuedOutsideIssuerValidity, vec![day_of.by(&old_ca), old_ca.by(&r)], 0, Status::Error);
    }

    #[test]
    fn signature_hash_mismatches_issuer_curve() {
        let (r, i, l) = abc();
        assert_pair(&ChainSignatureHashMismatchesIssuerCurve, abc_certs(), 0, Status::Pass);
        let p384 = i.clone().with(|mut b| {
            b.spki = ec_spki(&alg::SECP384R1, 97);
            b
        });
        let msg = assert_pair(&ChainSignatureHashMismatchesIssuerCurve, vec![l.by(&i), p384.by(&r)], 0, Status::Error);
        assert!(msg.contains("P-384"), "{msg}");
        let sha384 = l.clone().with(|mut b| {
            b.tbs_sig_alg = seq(&[&oid(&alg::ECDSA_WITH_SHA384)]);
            b
        });
        assert_pair(&ChainSignatureHashMismatchesIssuerCurve, vec![sha384.by(&i), p384.by(&r)], 0, Status::Pass);
        let rsa = i.with(|mut b| {
            b.spki = crate::testutil::rsa_spki(2048, 65537);
            b
        });
        assert_pair(&ChainSignatureHashMismatchesIssuerCurve, vec![l.by(&r), rsa.by(&r)], 0, Status::NotApplicable);
        let old = dated(l.clone(), 2023, 9, 14);
        assert_pair(&ChainSignatureHashMismatchesIssuerCurve, vec![old.by(&r), p384.by(&r)], 0, Status::NotEffective);
        let day_of = dated(l, 2023, 9, 15);
        assert_pair(&ChainSignatureHashMismatchesIssuerCurve, vec![day_of.by(&r), p384.by(&r)], 0, Status::Error);
    }
}
