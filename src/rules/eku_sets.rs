//! Helpers shared by the key-purpose, policy and key rules: the certificate's type as the
//! engine sees it, EKU sets, the CA/Browser Forum reserved policy identifiers, and the
//! organizationName comparison used as an affiliation heuristic.

use crate::cert::{CertificatePolicies, ExtKeyUsage};
use crate::cert_type::{self, CertType};
use crate::oid::{attr, eku, policy, ObjectIdentifier, Oid};
use crate::{Certificate, Context, Scope};

/// The type the engine uses for this certificate: the caller's override, else detection.
pub(crate) fn cert_type(cert: &Certificate, ctx: &Context) -> CertType {
    ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert))
}

/// The decoded EKU: `None` when absent, `Some(Err(()))` when malformed.
pub(crate) fn eku(cert: &Certificate) -> Option<Result<ExtKeyUsage<'_>, ()>> {
    cert.ext_key_usage().map(|r| r.map(|e| e.value).map_err(|_| ()))
}

/// The decoded certificatePolicies: `None` when absent, `Some(Err(()))` when malformed.
pub(crate) fn policies(cert: &Certificate) -> Option<Result<CertificatePolicies<'_>, ()>> {
    cert.certificate_policies().map(|r| r.map(|e| e.value).map_err(|_| ()))
}

/// The TLS reserved policy identifiers (EV, DV, OV, IV).
pub(crate) const TLS_RESERVED: [ObjectIdentifier; 4] = [policy::EV, policy::DV, policy::OV, policy::IV];

/// Whether a policy identifier is a TLS reserved one.
pub(crate) fn is_tls_reserved(id: &Oid<'_>) -> bool {
    TLS_RESERVED.iter().any(|r| id.is(r))
}

/// Number of TLS reserved policy identifiers asserted.
pub(crate) fn reserved_count(p: &CertificatePolicies<'_>) -> usize {
    p.policies().filter(|i| is_tls_reserved(&i.id)).count()
}

/// Whether the policies are exactly `[anyPolicy]`.
pub(crate) fn is_only_any_policy(p: &CertificatePolicies<'_>) -> bool {
    let mut it = p.policies();
    matches!((it.next(), it.next()), (Some(first), None) if first.id.is(&policy::ANY_POLICY))
}

/// A readable name for a key purpose, for messages.
pub(crate) fn purpose_name(p: &Oid<'_>) -> Option<&'static str> {
    [
        (eku::ANY, "anyExtendedKeyUsage"),
        (eku::SERVER_AUTH, "id-kp-serverAuth"),
        (eku::CLIENT_AUTH, "id-kp-clientAuth"),
        (eku::CODE_SIGNING, "id-kp-codeSigning"),
        (eku::EMAIL_PROTECTION, "id-kp-emailProtection"),
        (eku::TIME_STAMPING, "id-kp-timeStamping"),
        (eku::OCSP_SIGNING, "id-kp-OCSPSigning"),
        (eku::PRECERT_SIGNING, "the precertificate signing purpose"),
        (eku::BIMI, "id-kp-BrandIndicatorforMessageIdentification"),
    ]
    .iter()
    .find(|(o, _)| p.is(o))
    .map(|(_, n)| *n)
}

/// Appends a purpose to a comma-separated list for a message.
pub(crate) fn push_purpose(out: &mut alloc::string::String, p: &Oid<'_>) {
    use core::fmt::Write;
    if !out.is_empty() {
        out.push_str(", ");
    }
    match purpose_name(p) {
        Some(n) => out.push_str(n),
        None => {
            let _ = write!(out, "{p}");
        }
    }
}

/// The purposes in `e` for which `pick` holds, as a message list; `None` if there are none
/// (no allocation then).
pub(crate) fn list_purposes(e: &ExtKeyUsage<'_>, pick: impl Fn(&Oid<'_>) -> bool) -> Option<alloc::string::String> {
    if !e.purposes().any(|p| pick(&p)) {
        return None;
    }
    let mut out = alloc::string::String::new();
    for p in e.purposes().filter(|p| pick(p)) {
        push_purpose(&mut out, &p);
    }
    Some(out)
}

/// Whether `p` is one of `set`.
pub(crate) fn is_one_of(p: &Oid<'_>, set: &[ObjectIdentifier]) -> bool {
    set.iter().any(|o| p.is(o))
}

/// Whether issuer and subject carry different organizationName values (the visible hint
/// that a CA is not affiliated with its issuer). `false` when either has none.
pub(crate) fn organizations_differ(cert: &Certificate) -> bool {
    let (Ok(issuer), Ok(subject)) = (cert.issuer(), cert.subject()) else { return false };
    match (issuer.first(&attr::ORGANIZATION), subject.first(&attr::ORGANIZATION)) {
        (Some(i), Some(s)) => i.value != s.value,
        _ => false,
    }
}

/// Subordinate CAs the TLS BRs govern (§7.1.2.2 to §7.1.2.6; S/MIME CAs are technically
/// constrained non-TLS CAs there).
pub(crate) const BR_SUB_CA: Scope = Scope::SUB_CA;

/// Technically constrained non-TLS subordinate CAs (§7.1.2.3), including S/MIME CAs.
pub(crate) const TC_NON_TLS: Scope = Scope::of(CertType::SubCaTcNonTls).with(CertType::SubCaSmime);

/// TLS subordinate CAs and cross certificates (§7.1.2.2, §7.1.2.5, §7.1.2.6).
pub(crate) const TLS_CA: Scope =
    Scope::of(CertType::SubCaTls).with(CertType::SubCaTcTls).with(CertType::SubCaCrossCertified);
