//! Certificate Transparency in certificates (RFC 6962 §3.1-3.3).

use alloc::format;

use crate::cert::Sct;
use crate::oid::ext;
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context};

pub(crate) static RULES: &[&dyn Rule] =
    &[&PrecertPoisonNotCritical, &PrecertPoisonValueNotNull, &PrecertWithSctList, &SctListMalformed, &SctListEmpty];

/// `rfc6962.precert_poison_not_critical`
///
/// **What it checks**: the precertificate poison extension, when present, is critical.
///
/// **Why it matters**: RFC 6962 §3.1 requires the poison to be a critical extension so
/// that no TLS client accepts a precertificate as a certificate.
///
/// **Example**: a poison extension without the critical flag fails; a critical one
/// passes; a certificate without the poison is not applicable.
pub struct PrecertPoisonNotCritical;

impl Rule for PrecertPoisonNotCritical {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc6962.precert_poison_not_critical", Source::Rfc5280, Severity::Error)
            .summary("the CT precertificate poison extension must be critical")
            .citation("RFC 6962 §3.1")
            .effective(Time::ymd(2013, 6, 1))
            .needs(Need::Extension(&ext::CT_POISON))
            .aliases(&["pkilint:pkix.ct_precert_poison_extension_not_critical"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::CT_POISON) {
            Some(e) => Outcome::check(e.is_critical(), "the precertificate poison extension is not critical"),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc6962.precert_poison_value_not_null`
///
/// **What it checks**: the poison extension's value is ASN.1 NULL (`05 00`).
///
/// **Why it matters**: RFC 6962 §3.1 defines the extension value as NULL; logs and
/// monitors match it exactly.
///
/// **Example**: a poison whose extnValue is `04 00` fails; `05 00` passes; no poison is
/// not applicable.
pub struct PrecertPoisonValueNotNull;

impl Rule for PrecertPoisonValueNotNull {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc6962.precert_poison_value_not_null", Source::Rfc5280, Severity::Error)
                .summary("the CT precertificate poison value must be NULL")
                .citation("RFC 6962 §3.1")
                .effective(Time::ymd(2013, 6, 1))
                .needs(Need::Extension(&ext::CT_POISON));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.extension(&ext::CT_POISON) {
            Some(e) if e.value == [0x05, 0x00] => Outcome::Pass,
            Some(e) => Outcome::fail(format!("the poison value is {} octets but must be 05 00", e.value.len())),
            None => Outcome::NotApplicable,
        }
    }
}

/// `rfc6962.precert_with_sct_list`
///
/// **What it checks**: a precertificate (poison present) does not also embed an SCT
/// list.
///
/// **Why it matters**: RFC 6962 §3.1 and §3.3 put SCTs in the final certificate, built
/// from the precertificate after logging; a precertificate carrying SCTs is not what the
/// logs signed.
///
/// **Example**: poison plus extension 1.3.6.1.4.1.11129.2.4.2 fails; poison alone passes;
/// a certificate without the poison is not applicable.
pub struct PrecertWithSctList;

impl Rule for PrecertWithSctList {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc6962.precert_with_sct_list", Source::Rfc5280, Severity::Error)
            .summary("a precertificate must not contain an embedded SCT list")
            .citation("RFC 6962 §3.1, §3.3")
            .effective(Time::ymd(2013, 6, 1))
            .needs(Need::Extension(&ext::CT_POISON))
            .aliases(&[
                "zlint:e_precert_with_sct_list",
                "pkilint:pkix.ct_precert_poison_and_sctlist_extensions_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.is_precertificate() {
            return Outcome::NotApplicable;
        }
        Outcome::check(!cert.has_extension(&ext::CT_SCT_LIST), "the precertificate contains an embedded SCT list")
    }
}

/// Whether a SerializedSCT (RFC 6962 §3.2) parses exactly: version, log id, timestamp,
/// extensions, and the digitally-signed struct (hash, signature algorithm, signature).
fn sct_well_formed(sct: &Sct<'_>) -> bool {
    fn u16_prefixed(b: &[u8]) -> Option<&[u8]> {
        let (len, rest) = b.split_at_checked(2)?;
        let n = usize::from(u16::from_be_bytes([*len.first()?, *len.get(1)?]));
        rest.get(n..)
    }
    let Some(rest) = sct.raw.get(1 + 32 + 8..) else { return false };
    let Some(rest) = u16_prefixed(rest) else { return false };
    let Some(rest) = rest.get(2..) else { return false };
    u16_prefixed(rest).is_some_and(<[u8]>::is_empty)
}

/// `rfc6962.sct_list_malformed`
///
/// **What it checks**: the embedded SCT list extension is an OCTET STRING holding a
/// TLS-encoded SignedCertificateTimestampList whose length prefixes are consistent and
/// whose every SerializedSCT parses exactly.
///
/// **Why it matters**: RFC 6962 §3.3 fixes this encoding; a list that does not parse
/// cannot prove the certificate was logged, and browsers enforcing CT reject it.
///
/// **Example**: a list whose outer length says 100 octets but holds 90 fails, as does an
/// SCT with a truncated signature; a well-formed list passes; no list is not applicable.
pub struct SctListMalformed;

impl Rule for SctListMalformed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc6962.sct_list_malformed", Source::Rfc5280, Severity::Error)
            .summary("the embedded SCT list must be a well-formed TLS SignedCertificateTimestampList")
            .citation("RFC 6962 §3.3")
            .effective(Time::ymd(2013, 6, 1))
            .needs(Need::Extension(&ext::CT_SCT_LIST))
            .aliases(&["pkilint:pkix.sct_list_extension_invalid_encoding"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.sct_list() {
            None => Outcome::NotApplicable,
            Some(Err(m)) => Outcome::fail(format!("{m}")),
            Some(Ok(list)) => match list.value.iter().position(|s| !sct_well_formed(&s)) {
                Some(i) => Outcome::fail(format!("SCT #{} does not parse exactly", i + 1)),
                None => Outcome::Pass,
            },
        }
    }
}

/// `rfc6962.sct_list_empty`
///
/// **What it checks**: an embedded SCT list holds at least one SCT.
///
/// **Why it matters**: RFC 6962 §3.3 defines the list as `SerializedSCT
/// sct_list <1..2^16-1>`; an empty list claims CT compliance with no proof.
///
/// **Example**: a list `00 00` fails; a list with one SCT passes; no list (or a malformed
/// one) is not applicable.
pub struct SctListEmpty;

impl Rule for SctListEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc6962.sct_list_empty", Source::Rfc5280, Severity::Error)
            .summary("an embedded SCT list must contain at least one SCT")
            .citation("RFC 6962 §3.3")
            .effective(Time::ymd(2013, 6, 1))
            .needs(Need::Extension(&ext::CT_SCT_LIST))
            .aliases(&["zlint:e_empty_sct_list", "pkilint:pkix.sct_list_empty"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.sct_list() {
            Some(Ok(list)) => Outcome::check(list.value.iter().next().is_some(), "the embedded SCT list is empty"),
            _ => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::vec::Vec;

    fn sct(sig_len: usize) -> Vec<u8> {
        let mut s = alloc::vec![0u8];
        s.extend_from_slice(&[0x11; 32]);
        s.extend_from_slice(&1_700_000_000_000u64.to_be_bytes());
        s.extend_from_slice(&[0, 0, 4, 3]);
        s.extend_from_slice(&(sig_len as u16).to_be_bytes());
        s.extend(core::iter::repeat_n(0x22, sig_len));
        s
    }

    fn prefixed(b: &[u8]) -> Vec<u8> {
        let mut out = (b.len() as u16).to_be_bytes().to_vec();
        out.extend_from_slice(b);
        out
    }

    fn sct_ext(list: &[u8]) -> Vec<u8> {
        octet_string(list)
    }

    fn with_scts(scts: &[Vec<u8>]) -> CertBuilder {
        let body: Vec<u8> = scts.iter().flat_map(|s| prefixed(s)).collect();
        CertBuilder::leaf().ext(&ext::CT_SCT_LIST, false, &sct_ext(&prefixed(&body)))
    }

    fn precert() -> CertBuilder {
        CertBuilder::leaf().ext(&ext::CT_POISON, true, &null())
    }

    #[test]
    fn poison() {
        assert_status(&PrecertPoisonNotCritical, &precert(), Status::Pass);
        assert_status(&PrecertPoisonValueNotNull, &precert(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::CT_POISON, false, &null());
        assert_status(&PrecertPoisonNotCritical, &b, Status::Error);
        let b = CertBuilder::leaf().ext(&ext::CT_POISON, true, &octet_string(&[]));
        assert_status(&PrecertPoisonValueNotNull, &b, Status::Error);
        assert_status(&PrecertPoisonNotCritical, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&PrecertPoisonValueNotNull, &CertBuilder::leaf(), Status::NotApplicable);
        let old =
            precert().ext(&ext::CT_POISON, false, &null()).validity(Time::ymd(2013, 5, 31), Time::ymd(2014, 1, 1));
        assert_status(&PrecertPoisonNotCritical, &old, Status::NotEffective);
        let day_of =
            precert().ext(&ext::CT_POISON, false, &null()).validity(Time::ymd(2013, 6, 1), Time::ymd(2014, 1, 1));
        assert_status(&PrecertPoisonNotCritical, &day_of, Status::Error);
    }

    #[test]
    fn precert_with_scts() {
        assert_status(&PrecertWithSctList, &precert(), Status::Pass);
        let both = with_scts(&[sct(70)]).ext(&ext::CT_POISON, true, &null());
        assert_status(&PrecertWithSctList, &both, Status::Error);
        assert_status(&PrecertWithSctList, &with_scts(&[sct(70)]), Status::NotApplicable);
    }

    #[test]
    fn sct_lists() {
        let good = with_scts(&[sct(70), sct(71)]);
        assert_status(&SctListMalformed, &good, Status::Pass);
        assert_status(&SctListEmpty, &good, Status::Pass);
        assert_status(&SctListMalformed, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(&SctListEmpty, &CertBuilder::leaf(), Status::NotApplicable);

        // Outer length too long.
        let mut bad_len = prefixed(&prefixed(&sct(70)));
        bad_len[1] += 1;
        let b = CertBuilder::leaf().ext(&ext::CT_SCT_LIST, false, &sct_ext(&bad_len));
        assert_status(&SctListMalformed, &b, Status::Error);
        assert_status(&SctListEmpty, &b, Status::NotApplicable);
        // A truncated signature inside an SCT whose own length is consistent.
        let mut short = sct(70);
        short.truncate(short.len() - 1);
        let (s, m) = finding(&SctListMalformed, &with_scts(&[sct(70), short]).build(), &Context::default());
        assert_eq!(s, Status::Error);
        assert!(m.contains("#2"), "{m}");
        // Not an OCTET STRING.
        let b = CertBuilder::leaf().ext(&ext::CT_SCT_LIST, false, &null());
        assert_status(&SctListMalformed, &b, Status::Error);

        let empty = with_scts(&[]);
        assert_status(&SctListEmpty, &empty, Status::Error);
        assert_status(&SctListMalformed, &empty, Status::Pass);
    }
}
