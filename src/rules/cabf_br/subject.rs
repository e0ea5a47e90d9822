//! Subject and issuer names (TLS BR §7.1.4 name forms, §7.1.2.7.2-§7.1.2.7.4 subscriber
//! subject tables, §7.1.2.10.2 CA naming).
//!
//! The tables of §7.1.4.2 (relative order, string types, maximum lengths) are
//! `BR_ATTRIBUTES`; the rules about which attributes each certificate type may carry use
//! the detected (or hinted) certificate type through their scope, and read the type again
//! only where one rule covers several levels with different tables.

use alloc::{format, string::String, vec::Vec};

use crate::asn1::tag;
use crate::cert::{string_tag_name, AttributeTypeAndValue, GeneralName, Name};
use crate::cert_type::{self, CertType};
use crate::oid::{attr, policy, ObjectIdentifier};
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::iso3166;
use crate::rules::rfc5280::name::{check, name_checks, type_index, KNOWN_TYPES};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubjectRdnMultiValued,
    &SubjectRdnOrderInvalid,
    &SubjectAttributeRepeated,
    &SubjectAttributeWrongStringType,
    &SubjectAttributeTooLong,
    &SubjectAttributePlaceholderValue,
    &SubjectCountryNotIso3166,
    &StateProvinceHasControlCharacters,
    &RootIssuerNotIdenticalToSubject,
    &CaSubjectCommonNameMissing,
    &CaSubjectCountryMissing,
    &CaSubjectOrganizationMissing,
    &TlsCaSubjectOuPresent,
    &OtherCaSubjectOuPresent,
    &CaSubjectOtherAttributePresent,
    &DvSubjectAttributeNotAllowed,
    &SubscriberCommonNamePresent,
    &SubscriberCommonNameNotFromSan,
    &SubscriberOrganizationMissing,
    &SubscriberCountryMissing,
    &SubscriberLocalityAndProvinceMissing,
    &SubscriberAddressWithoutIdentity,
    &IvPersonalNameMissing,
    &PersonalNameWithoutIvPolicy,
    &SubscriberOuPresent,
    &SubjectOuWithoutOrganization,
    &IvOrganizationPresent,
    &SubscriberPostalCodePresent,
    &SubscriberStreetAddressPresent,
    &SubscriberOtherSubjectAttributePresent,
];

// ---------------------------------------------------------------------------------------
// Shared tables and helpers (also used by the EV and community subject rules).

/// TLS BR 2.0.0 (SC-062): the date the §7.1.2 profiles and the §7.1.4 name forms took
/// effect.
pub(crate) const BR_2_0_0: Time = Time::ymd(2023, 9, 15);
/// TLS BR 1.4.1 (ballot 164): givenName/surname rules and the "address needs identity"
/// rules of the old §7.1.4.2.2.
pub(crate) const GIVEN_NAME_DATE: Time = Time::ymd(2016, 9, 7);
/// TLS BR 1.8.0: the commonName must be a character-for-character copy of a SAN entry.
pub(crate) const CN_EXACT_DATE: Time = Time::ymd(2021, 8, 25);

/// The subordinate CA types the TLS BRs define (§7.1.2.2-§7.1.2.6).
pub(crate) const BR_SUB_CA: Scope = Scope::of(CertType::SubCaCrossCertified)
    .with(CertType::SubCaTcNonTls)
    .with(CertType::SubCaPrecertSigning)
    .with(CertType::SubCaTcTls)
    .with(CertType::SubCaTls);
/// Roots, BR subordinate CAs and OCSP responders: the types §7.1.2.10.2 names.
pub(crate) const CA_AND_OCSP: Scope = BR_SUB_CA.with(CertType::Root).with(CertType::OcspResponder);
/// Subscribers with a known validation level.
pub(crate) const SUBSCRIBER_LEVELS: Scope = Scope::of(CertType::SubscriberDv)
    .with(CertType::SubscriberOv)
    .with(CertType::SubscriberIv)
    .with(CertType::SubscriberEv);

/// A row of the §7.1.4.2 tables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AttributeSpec {
    /// The attribute type.
    pub oid: &'static ObjectIdentifier,
    /// Its rank in the order table (`None`: the second table, no order).
    pub rank: Option<u8>,
    /// The string types allowed.
    pub tags: &'static [u8],
    /// The maximum length in characters, if any.
    pub max: Option<usize>,
}

const UTF8_OR_PRINTABLE: &[u8] = &[tag::UTF8_STRING, tag::PRINTABLE_STRING];
const PRINTABLE: &[u8] = &[tag::PRINTABLE_STRING];
const IA5: &[u8] = &[tag::IA5_STRING];

const fn spec(
    oid: &'static ObjectIdentifier,
    rank: Option<u8>,
    tags: &'static [u8],
    max: Option<usize>,
) -> AttributeSpec {
    AttributeSpec { oid, rank, tags, max }
}

/// TLS BR §7.1.4.2: "Encoding and Order Requirements for Selected Attributes" (with ranks)
/// followed by "Encoding Requirements for Selected Attributes" (without).
pub(crate) static BR_ATTRIBUTES: [AttributeSpec; 17] = BR_TABLE;

const BR_TABLE: [AttributeSpec; 17] = [
    spec(&attr::DOMAIN_COMPONENT, Some(0), IA5, Some(63)),
    spec(&attr::COUNTRY, Some(1), PRINTABLE, Some(2)),
    spec(&attr::STATE_OR_PROVINCE, Some(2), UTF8_OR_PRINTABLE, Some(128)),
    spec(&attr::LOCALITY, Some(3), UTF8_OR_PRINTABLE, Some(128)),
    spec(&attr::POSTAL_CODE, Some(4), UTF8_OR_PRINTABLE, Some(40)),
    spec(&attr::STREET_ADDRESS, Some(5), UTF8_OR_PRINTABLE, Some(128)),
    spec(&attr::ORGANIZATION, Some(6), UTF8_OR_PRINTABLE, Some(64)),
    spec(&attr::SURNAME, Some(7), UTF8_OR_PRINTABLE, Some(64)),
    spec(&attr::GIVEN_NAME, Some(8), UTF8_OR_PRINTABLE, Some(64)),
    spec(&attr::ORGANIZATIONAL_UNIT, Some(9), UTF8_OR_PRINTABLE, Some(64)),
    spec(&attr::COMMON_NAME, Some(10), UTF8_OR_PRINTABLE, Some(64)),
    spec(&attr::BUSINESS_CATEGORY, None, UTF8_OR_PRINTABLE, Some(128)),
    spec(&attr::JURISDICTION_COUNTRY, None, PRINTABLE, Some(2)),
    spec(&attr::JURISDICTION_STATE_OR_PROVINCE, None, UTF8_OR_PRINTABLE, Some(128)),
    spec(&attr::JURISDICTION_LOCALITY, None, UTF8_OR_PRINTABLE, Some(128)),
    spec(&attr::SERIAL_NUMBER, None, PRINTABLE, Some(64)),
    spec(&attr::ORGANIZATION_IDENTIFIER, None, UTF8_OR_PRINTABLE, None),
];

/// The row of `BR_ATTRIBUTES` of each of the name rules' `KNOWN_TYPES` (all the rows'
/// types are among them), or `u8::MAX`.
const BR_ROW: [u8; KNOWN_TYPES.len()] = {
    let mut rows = [u8::MAX; KNOWN_TYPES.len()];
    let mut row = 0;
    while row < BR_TABLE.len() {
        // Evaluated at compile time: a row whose type is not known fails the build.
        #[allow(clippy::indexing_slicing, clippy::panic)]
        {
            let want = BR_TABLE[row].oid.as_bytes();
            let mut i = 0;
            while i < KNOWN_TYPES.len() && !bytes_eq(KNOWN_TYPES[i].as_bytes(), want) {
                i += 1;
            }
            if i == KNOWN_TYPES.len() {
                panic!("a BR_ATTRIBUTES type missing from KNOWN_TYPES");
            }
            rows[i] = row as u8;
        }
        row += 1;
    }
    rows
};

const fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        #[allow(clippy::indexing_slicing)]
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The §7.1.4.2 row of an attribute, if it has one.
pub(crate) fn br_spec(a: &AttributeTypeAndValue<'_>) -> Option<&'static AttributeSpec> {
    spec_of(type_index(a.oid.as_bytes())?)
}

/// The §7.1.4.2 row of the attribute type of index `i` in `KNOWN_TYPES`, if it has one.
pub(crate) fn spec_of(i: usize) -> Option<&'static AttributeSpec> {
    BR_ATTRIBUTES.get(usize::from(*BR_ROW.get(i)?))
}

/// The certificate type the engine uses: the caller's hint, or detection.
pub(crate) fn effective_type(cert: &Certificate, ctx: &Context) -> CertType {
    ctx.cert_type().unwrap_or_else(|| cert_type::detect(cert))
}

/// Whether the certificate's notBefore is known and before `t`.
pub(crate) fn issued_before(cert: &Certificate, t: Time) -> bool {
    cert.not_before().is_some_and(|nb| nb < t)
}

/// Whether the name has an attribute of any of these types.
fn has_any(name: &Name<'_>, types: &[&ObjectIdentifier]) -> bool {
    name.attributes().any(|a| types.iter().any(|t| a.oid.is(t)))
}

/// The first attribute whose type is not in `allowed`.
fn first_outside<'a>(name: &Name<'a>, allowed: &[&ObjectIdentifier]) -> Option<AttributeTypeAndValue<'a>> {
    name.attributes().find(|a| !allowed.iter().any(|t| a.oid.is(t)))
}

/// Fails when the subject has an attribute of type `oid`, naming it.
fn absent(cert: &Certificate, oid: &ObjectIdentifier, what: &str) -> Outcome {
    let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
    match subject.first(oid) {
        None => Outcome::Pass,
        Some(a) => Outcome::fail(format!("{what} has {} \"{}\"", a.type_name(), value_text(&a))),
    }
}

/// Fails when the subject lacks an attribute of type `oid`.
/// The CA naming rules reach OCSP responders only through the SC-062 profile (§7.1.2.8
/// points at §7.1.2.10.2); before it the BRs named only root and subordinate CA subjects
/// (old §7.1.4.3), so an earlier responder is not applicable whatever the rule's date.
fn ocsp_responder_before_profiles(cert: &Certificate, ctx: &Context) -> bool {
    super::profile::type_of(cert, ctx) == CertType::OcspResponder && cert.not_before().is_some_and(|nb| nb < BR_2_0_0)
}

/// [`present`] for the CA naming rules, which reach OCSP responders only from 2023-09-15.
fn ca_name_has(cert: &Certificate, ctx: &Context, oid: &ObjectIdentifier, what: &'static str) -> Outcome {
    if ocsp_responder_before_profiles(cert, ctx) {
        return Outcome::NotApplicable;
    }
    present(cert, oid, what)
}

fn present(cert: &Certificate, oid: &ObjectIdentifier, what: &'static str) -> Outcome {
    let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
    // The type filter is exact for the known types.
    let has = match type_index(oid.as_bytes()) {
        Some(_) => cert.subject_may_have(oid),
        None => subject.has(oid),
    };
    Outcome::check(has, what)
}

/// The value as text for messages (escaped bytes when it does not decode).
pub(crate) fn value_text(a: &AttributeTypeAndValue<'_>) -> String {
    match a.text() {
        Some(t) => t.into_owned(),
        None => crate::cert::lossy(a.value),
    }
}

/// Whether the certificatePolicies extension lists `id` (`None`: it does not decode).
fn has_policy(cert: &Certificate, id: &ObjectIdentifier) -> Option<bool> {
    match cert.certificate_policies() {
        None => Some(false),
        Some(Ok(p)) => Some(p.value.contains(id)),
        Some(Err(_)) => None,
    }
}

// ---------------------------------------------------------------------------------------
// §7.1.4 name forms, every certificate type.

/// `cabf_br.subject_rdn_multi_valued`
///
/// **What it checks**: every RDN of the subject holds exactly one attribute.
///
/// **Why it matters**: TLS BR §7.1.4.1 requires each RelativeDistinguishedName to contain
/// exactly one AttributeTypeAndValue; multi-valued RDNs are sorted as a SET in DER, which
/// breaks the attribute order the BRs prescribe and confuses name comparison. Before the
/// requirement took effect (2023-09-15) a multi-valued RDN is reported as a notice only.
///
/// **Example**: a subject `C=US, O=Example + CN=example.com` fails (a notice when issued
/// before 2023-09-15); one attribute per RDN passes. S/MIME and code signing certificates
/// are not applicable.
pub struct SubjectRdnMultiValued;

impl Rule for SubjectRdnMultiValued {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subject_rdn_multi_valued", Source::CabfBr, Severity::Error)
            .summary("each subject RDN must contain exactly one attribute (a notice before 2023-09-15)")
            .citation("TLS BR §7.1.4.1")
            .scope(Scope::TLS_BR)
            .aliases(&["pkilint:cabf.serverauth.rdn_contains_multiple_atvs", "zlint:n_multiple_subject_rdn"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::SUBJECT_MULTI == 0 {
            return Outcome::Pass;
        }
        let Some(rdn) = subject.rdns().find(|r| r.len() > 1) else { return Outcome::Pass };
        let types: Vec<_> = rdn.attributes().map(|a| a.type_name()).collect();
        let msg = format!("a subject RDN holds {} attributes ({})", types.len(), types.join(" + "));
        if issued_before(cert, BR_2_0_0) {
            Outcome::fail_as(Severity::Notice, msg)
        } else {
            Outcome::fail(msg)
        }
    }
}

/// `cabf_br.subject_rdn_order_invalid`
///
/// **What it checks**: the subject attributes listed in the §7.1.4.2 order table appear in
/// the table's relative order: domainComponent, countryName, stateOrProvinceName,
/// localityName, postalCode, streetAddress, organizationName, surname, givenName,
/// organizationalUnitName, commonName. Attributes outside the table are ignored.
///
/// **Why it matters**: TLS BR §7.1.4.1 and §7.1.4.2 fix the encoding order so that
/// equal names are encoded identically across CAs and certificates.
///
/// **Example**: `CN=example.com, C=US` fails (countryName after commonName);
/// `C=US, O=Example, CN=example.com` passes; certificates issued before 2023-09-15 are not
/// effective.
pub struct SubjectRdnOrderInvalid;

impl Rule for SubjectRdnOrderInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subject_rdn_order_invalid", Source::CabfBr, Severity::Error)
            .summary("subject attributes must follow the relative order of the BR §7.1.4.2 table")
            .citation("TLS BR §7.1.4.1, §7.1.4.2")
            .scope(Scope::TLS_BR)
            .effective(BR_2_0_0)
            .aliases(&["zlint:e_invalid_subject_rdn_order", "pkilint:cabf.serverauth.invalid_rdn_order"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::BR_ORDER == 0 {
            return Outcome::Pass;
        }
        let mut previous: Option<(u8, AttributeTypeAndValue<'_>)> = None;
        for a in subject.attributes() {
            let Some(rank) = br_spec(&a).and_then(|s| s.rank) else { continue };
            if let Some((prev_rank, prev)) = previous {
                if rank < prev_rank {
                    return Outcome::fail(format!(
                        "{} is encoded after {}; §7.1.4.2 puts it before",
                        a.type_name(),
                        prev.type_name()
                    ));
                }
            }
            previous = Some((rank, a));
        }
        Outcome::Pass
    }
}

/// `cabf_br.subject_attribute_repeated`
///
/// **What it checks**: no attribute type occurs more than once in the subject, except
/// streetAddress and domainComponent. For certificates issued before 2023-09-15 only a
/// repeated commonName is reported, as a warning.
///
/// **Why it matters**: TLS BR §7.1.4.1 forbids more than one instance of an attribute type
/// unless the BRs allow it (only streetAddress and domainComponent "MAY" repeat); the
/// older BRs already said a subscriber commonName holds exactly one name.
///
/// **Example**: two organizationName attributes fail; two streetAddress attributes pass;
/// before 2023-09-15 two commonNames warn and two organizationNames pass.
pub struct SubjectAttributeRepeated;

impl Rule for SubjectAttributeRepeated {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subject_attribute_repeated", Source::CabfBr, Severity::Error)
            .summary("an attribute type may occur only once in the subject, except streetAddress and domainComponent")
            .citation("TLS BR §7.1.4.1")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_duplicate_subject_attribs",
                "pkilint:cabf.serverauth.prohibited_duplicate_attribute_type",
                "zlint:w_extra_subject_common_names",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let old = issued_before(cert, BR_2_0_0);
        if name_checks(cert) & if old { check::REPEATED_CN } else { check::REPEATED } == 0 {
            return Outcome::Pass;
        }
        for (i, a) in subject.attributes().enumerate() {
            if a.oid.is(&attr::STREET_ADDRESS) || a.oid.is(&attr::DOMAIN_COMPONENT) {
                continue;
            }
            if old && !a.oid.is(&attr::COMMON_NAME) {
                continue;
            }
            if subject.attributes().take(i).any(|b| b.oid == a.oid) {
                let msg = format!("the subject has more than one {}", a.type_name());
                return if old { Outcome::fail_as(Severity::Warn, msg) } else { Outcome::fail(msg) };
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.subject_attribute_wrong_string_type`
///
/// **What it checks**: each subject attribute listed in the two §7.1.4.2 tables uses an
/// allowed string type: PrintableString for countryName, jurisdictionCountryName and
/// serialNumber; IA5String for domainComponent; UTF8String or PrintableString for the
/// others (including organizationIdentifier, EVG §7.1.4.2.8). Unlisted attributes are not
/// checked.
///
/// **Why it matters**: TLS BR §7.1.4.2 fixes the encodings so that names compare and
/// display consistently; BMPString, TeletexString and UniversalString are legacy types that
/// relying parties handle inconsistently.
///
/// **Example**: `C` as UTF8String fails; `O` as BMPString fails; `O` as UTF8String passes;
/// certificates issued before 2023-09-15 are not effective.
pub struct SubjectAttributeWrongStringType;

impl Rule for SubjectAttributeWrongStringType {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subject_attribute_wrong_string_type", Source::CabfBr, Severity::Error)
                .summary("subject attributes must use the string types of the BR §7.1.4.2 tables")
                .citation("TLS BR §7.1.4.2; EVG §7.1.4.2.8")
                .scope(Scope::TLS_BR)
                .effective(BR_2_0_0)
                .aliases(&[
                    "zlint:e_subject_rdns_correct_encoding",
                    "pkilint:cabf.serverauth.attribute_value_invalid_encoding_type",
                    "pkilint:cabf.invalid_subject_organization_identifier_encoding",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::BR_TAG == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes() {
            let Some(s) = br_spec(&a) else { continue };
            if !s.tags.contains(&a.tag) {
                let allowed: Vec<_> = s.tags.iter().map(|t| string_tag_name(*t)).collect();
                return Outcome::fail(format!(
                    "{} is encoded as {}; it must be {}",
                    a.type_name(),
                    string_tag_name(a.tag),
                    allowed.join(" or ")
                ));
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.subject_attribute_too_long`
///
/// **What it checks**: each subject attribute listed in the §7.1.4.2 tables is no longer
/// than the table's maximum, counted in characters: 63 for domainComponent, 2 for
/// countryName and jurisdictionCountryName, 40 for postalCode, 64 for organizationName,
/// surname, givenName, organizationalUnitName, commonName and serialNumber, 128 for the
/// others. Values that do not decode are left to the encoding rules.
///
/// **Why it matters**: TLS BR §7.1.4.2 sets these upper bounds (those of X.520, with 64
/// for surname/givenName); longer values break software that enforces them.
///
/// **Example**: a 65-character commonName fails; a 64-character one passes; a
/// 64-character organizationName in a BMPString counts 64 characters and passes.
pub struct SubjectAttributeTooLong;

impl Rule for SubjectAttributeTooLong {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subject_attribute_too_long", Source::CabfBr, Severity::Error)
            .summary("subject attributes must not exceed the maximum lengths of the BR §7.1.4.2 tables")
            .citation("TLS BR §7.1.4.2")
            .scope(Scope::TLS_BR)
            .effective(BR_2_0_0)
            .aliases(&[
                "pkilint:cabf.serverauth.name_attribute_value_too_long",
                "pkilint:cabf.serverauth.domain_component_attribute_value_length_too_long",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::BR_LENGTH == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes() {
            let Some(max) = br_spec(&a).and_then(|s| s.max) else { continue };
            let Some(len) = a.char_len() else { continue };
            if len > max {
                return Outcome::fail(format!("{} has {len} characters; the maximum is {max}", a.type_name()));
            }
        }
        Outcome::Pass
    }
}

/// Values that say "no value" in words (compared case-insensitively, after trimming).
const PLACEHOLDERS: [&str; 8] = ["n/a", "n.a.", "not applicable", "none", "null", "nil", "unknown", "not available"];

/// Whether a subject value only signals that there is no value.
pub(crate) fn is_placeholder(text: &str) -> bool {
    !text.chars().any(char::is_alphanumeric) || is_placeholder_word(text)
}

/// Whether a value is one of the [`PLACEHOLDERS`] words.
pub(crate) fn is_placeholder_word(text: &str) -> bool {
    let t = text.trim();
    PLACEHOLDERS.iter().any(|p| t.eq_ignore_ascii_case(p))
}

/// `cabf_br.subject_attribute_placeholder_value`
///
/// **What it checks**: no subject attribute value consists only of punctuation, spaces or
/// symbols (no letter or digit at all, e.g. `.`, `-`, ` `), is empty, or is a word that
/// stands for an absent value (`n/a`, `not applicable`, `none`, `null`, `nil`, `unknown`,
/// `not available`, any case).
///
/// **Why it matters**: TLS BR §7.1.2.7.3-§7.1.2.7.5 (and the older §7.1.4.2.2(j)) forbid
/// attributes that only contain metadata or otherwise indicate that the value is absent,
/// incomplete or not applicable: an attribute must carry verified information or be left
/// out.
///
/// **Example**: `ST=.` or `L=N/A` fails; `ST=California` passes; `C=NA` (Namibia) passes.
pub struct SubjectAttributePlaceholderValue;

impl Rule for SubjectAttributePlaceholderValue {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subject_attribute_placeholder_value", Source::CabfBr, Severity::Error)
                .summary("subject attribute values must not be placeholders such as '.', '-', ' ' or 'n/a'")
                .citation("TLS BR §7.1.2.7.3-§7.1.2.7.5")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_subject_contains_noninformational_value",
                    "pkilint:cabf.insignificant_attribute_value_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::PLACEHOLDER == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes() {
            let Some(text) = a.text() else { continue };
            if is_placeholder(&text) {
                return Outcome::fail(format!("{} \"{text}\" holds no information", a.type_name()));
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.subject_country_not_iso3166`
///
/// **What it checks**: every subject countryName is an officially assigned ISO 3166-1
/// alpha-2 code, written in upper case, or the user-assigned code `XX`.
///
/// **Why it matters**: TLS BR §7.1.2.7.3, §7.1.2.7.4 and §7.1.2.10.2 require the
/// two-letter ISO 3166-1 code of the subject's country, and `XX` when the country has no
/// official code; anything else (`UK`, `EU`, `USA`) is not a country code relying parties
/// can interpret.
///
/// **Example**: `C=UK` fails; `C=GB` and `C=XX` pass; a subject without countryName passes.
pub struct SubjectCountryNotIso3166;

impl Rule for SubjectCountryNotIso3166 {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subject_country_not_iso3166", Source::CabfBr, Severity::Error)
            .summary("subject countryName must be an ISO 3166-1 alpha-2 code or XX")
            .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4, §7.1.2.10.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_subject_country_not_iso",
                "zlint:e_ca_country_name_invalid",
                "pkilint:cabf.invalid_country_code",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::COUNTRY_ISO == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes_of(&attr::COUNTRY) {
            let ok = a.text().is_some_and(|t| iso3166::is_country_name(&t));
            if !ok {
                return Outcome::fail(format!("countryName \"{}\" is not an ISO 3166-1 alpha-2 code", value_text(&a)));
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.state_province_has_control_characters`
///
/// **What it checks**: no subject stateOrProvinceName contains a control character
/// (U+0000-U+001F, U+007F-U+009F).
///
/// **Why it matters**: TLS BR §3.2.2.1 has the CA verify the state or province of the
/// subject; a value with control characters is not a verified place name, and control
/// characters can alter how the name is displayed or logged.
///
/// **Example**: `ST=Cali\nfornia` fails; `ST=California` passes; a subject without
/// stateOrProvinceName passes.
pub struct StateProvinceHasControlCharacters;

impl Rule for StateProvinceHasControlCharacters {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.state_province_has_control_characters", Source::CabfBr, Severity::Error)
                .summary("stateOrProvinceName must not contain control characters")
                .citation("TLS BR §3.2.2.1")
                .scope(Scope::TLS_BR)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&["zlint:e_state_or_province_name_must_not_contain_control_characters"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::STATE_CONTROL == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes_of(&attr::STATE_OR_PROVINCE) {
            let Some(chars) = a.decode() else { continue };
            if let Some(c) = chars.flatten().find(|c| c.is_control()) {
                return Outcome::fail(format!(
                    "stateOrProvinceName \"{}\" contains the control character U+{:04X}",
                    value_text(&a).escape_debug(),
                    u32::from(c)
                ));
            }
        }
        Outcome::Pass
    }
}

// ---------------------------------------------------------------------------------------
// CA naming (§7.1.2.1, §7.1.2.10.2).

/// `cabf_br.root_issuer_not_identical_to_subject`
///
/// **What it checks**: in a root CA certificate, the encoded issuer is byte-for-byte
/// identical to the encoded subject.
///
/// **Why it matters**: TLS BR §7.1.2.1 requires the root's issuer to be byte-for-byte
/// identical to its subject; names that only compare equal under RFC 5280 §7.1 (other case,
/// other string type) make path building depend on the client's name comparison.
///
/// **Example**: a root (given as a type hint) whose issuer is `CN=Example Root` in
/// PrintableString and subject the same text in UTF8String fails; identical bytes pass; a
/// subscriber certificate is not applicable.
pub struct RootIssuerNotIdenticalToSubject;

impl Rule for RootIssuerNotIdenticalToSubject {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.root_issuer_not_identical_to_subject", Source::CabfBr, Severity::Error)
                .summary("a root certificate's issuer must be byte-for-byte identical to its subject")
                .citation("TLS BR §7.1.2.1")
                .scope(Scope::ROOT)
                .effective(BR_2_0_0)
                .aliases(&["pkilint:cabf.serverauth.root_subject_issuer_name_encoding_not_equal"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let (Ok(issuer), Ok(subject)) = (cert.issuer(), cert.subject()) else { return Outcome::NotApplicable };
        if issuer.raw() == subject.raw() {
            Outcome::Pass
        } else {
            Outcome::fail(format!("the issuer ({issuer}) is not encoded identically to the subject ({subject})"))
        }
    }
}

/// `cabf_br.ca_subject_common_name_missing`
///
/// **What it checks**: the subject of a root, subordinate CA or OCSP responder certificate
/// has a commonName.
///
/// **Why it matters**: TLS BR §7.1.2.10.2 makes commonName mandatory in CA names, as an
/// identifier that keeps the name unique among the issuer's certificates.
///
/// OCSP responders are held to it from 2023-09-15 only, when §7.1.2.8 sent their subject
/// to the CA naming table; before, the BRs named root and subordinate CA subjects only.
///
/// **Example**: a subordinate CA `C=US, O=Example CA` fails; adding `CN=Example Issuing
/// CA` passes; a subscriber certificate is not applicable.
pub struct CaSubjectCommonNameMissing;

impl Rule for CaSubjectCommonNameMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ca_subject_common_name_missing", Source::CabfBr, Severity::Error)
                .summary("CA and OCSP responder subjects must contain commonName")
                .citation("TLS BR §7.1.2.10.2")
                .scope(CA_AND_OCSP)
                .effective(Time::ymd(2017, 6, 8))
                .aliases(&[
                    "zlint:e_ca_common_name_missing",
                    "pkilint:cabf.serverauth.ca.common_name_attribute_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        ca_name_has(cert, ctx, &attr::COMMON_NAME, "the CA subject has no commonName")
    }
}

/// `cabf_br.ca_subject_country_missing`
///
/// **What it checks**: the subject of a root, subordinate CA or OCSP responder certificate
/// has a countryName.
///
/// **Why it matters**: TLS BR §7.1.2.10.2 requires the country of the CA's place of
/// business in every CA name.
///
/// OCSP responders are held to it from 2023-09-15 only, when §7.1.2.8 sent their subject
/// to the CA naming table; before, the BRs named root and subordinate CA subjects only.
///
/// **Example**: a root `O=Example, CN=Example Root` fails; with `C=US` passes; a subscriber
/// certificate is not applicable.
pub struct CaSubjectCountryMissing;

impl Rule for CaSubjectCountryMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.ca_subject_country_missing", Source::CabfBr, Severity::Error)
            .summary("CA and OCSP responder subjects must contain countryName")
            .citation("TLS BR §7.1.2.10.2")
            .scope(CA_AND_OCSP)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&["zlint:e_ca_country_name_missing", "pkilint:cabf.serverauth.ca.country_attribute_absent"]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        ca_name_has(cert, ctx, &attr::COUNTRY, "the CA subject has no countryName")
    }
}

/// `cabf_br.ca_subject_organization_missing`
///
/// **What it checks**: the subject of a root, subordinate CA or OCSP responder certificate
/// has an organizationName.
///
/// **Why it matters**: TLS BR §7.1.2.10.2 requires the CA's (verified) name or DBA in
/// every CA name, so relying parties can tell who operates it.
///
/// OCSP responders are held to it from 2023-09-15 only, when §7.1.2.8 sent their subject
/// to the CA naming table; before, the BRs named root and subordinate CA subjects only.
///
/// **Example**: a subordinate CA `C=US, CN=Issuing CA` fails; with `O=Example CA` passes;
/// a subscriber certificate is not applicable.
pub struct CaSubjectOrganizationMissing;

impl Rule for CaSubjectOrganizationMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ca_subject_organization_missing", Source::CabfBr, Severity::Error)
                .summary("CA and OCSP responder subjects must contain organizationName")
                .citation("TLS BR §7.1.2.10.2")
                .scope(CA_AND_OCSP)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_ca_organization_name_missing",
                    "pkilint:cabf.serverauth.ca.organization_name_attribute_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        ca_name_has(cert, ctx, &attr::ORGANIZATION, "the CA subject has no organizationName")
    }
}

/// `cabf_br.tls_ca_subject_ou_present`
///
/// **What it checks**: the subject of a root, TLS subordinate CA, technically constrained
/// TLS subordinate CA or cross-certified subordinate CA has no organizationalUnitName.
///
/// **Why it matters**: TLS BR §7.1.2.10.2 forbids organizationalUnitName in root and TLS
/// CA names: OU values were never validated and were used to mislead. A cross certificate
/// may reuse an older, compliant CA name byte for byte (§7.1.2.2.2); that needs the other
/// certificate, so it is reported here and left to judgment.
///
/// **Example**: a TLS subordinate CA with `OU=Servers` fails; without OU passes; a
/// certificate issued before 2023-09-15 is not effective; an OCSP responder is not
/// applicable (see `cabf_br.other_ca_subject_ou_present`).
pub struct TlsCaSubjectOuPresent;

impl Rule for TlsCaSubjectOuPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.tls_ca_subject_ou_present", Source::CabfBr, Severity::Error)
            .summary("root and TLS CA subjects must not contain organizationalUnitName")
            .citation("TLS BR §7.1.2.10.2")
            .scope(
                Scope::of(CertType::Root)
                    .with(CertType::SubCaTls)
                    .with(CertType::SubCaTcTls)
                    .with(CertType::SubCaCrossCertified),
            )
            .effective(BR_2_0_0)
            .aliases(&[
                "zlint:e_subj_orgunit_in_ca_cert",
                "pkilint:cabf.serverauth.ca.organizational_unit_name_attribute_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent(cert, &attr::ORGANIZATIONAL_UNIT, "the CA subject")
    }
}

/// `cabf_br.other_ca_subject_ou_present`
///
/// **What it checks**: the subject of a technically constrained non-TLS CA, precertificate
/// signing CA or OCSP responder has no organizationalUnitName.
///
/// **Why it matters**: TLS BR §7.1.2.10.2 says organizationalUnitName SHOULD NOT be
/// included in CA certificates other than the root and TLS CAs (where it is forbidden).
///
/// **Example**: an OCSP responder with `OU=OCSP` warns; without OU passes; a root is not
/// applicable (see `cabf_br.tls_ca_subject_ou_present`).
pub struct OtherCaSubjectOuPresent;

impl Rule for OtherCaSubjectOuPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.other_ca_subject_ou_present", Source::CabfBr, Severity::Warn)
            .summary("other CA and OCSP responder subjects should not contain organizationalUnitName")
            .citation("TLS BR §7.1.2.10.2")
            .scope(Scope::of(CertType::SubCaTcNonTls).with(CertType::SubCaPrecertSigning).with(CertType::OcspResponder))
            .effective(BR_2_0_0)
            .aliases(&["pkilint:cabf.serverauth.ca.organizational_unit_name_attribute_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent(cert, &attr::ORGANIZATIONAL_UNIT, "the CA subject")
    }
}

/// `cabf_br.ca_subject_other_attribute_present`
///
/// **What it checks**: a root, subordinate CA or OCSP responder subject uses only the
/// attributes of the §7.1.2.10.2 table: countryName, stateOrProvinceName, localityName,
/// postalCode, streetAddress, organizationName, organizationalUnitName, commonName.
///
/// **Why it matters**: TLS BR §7.1.2.10.2 marks any other attribute NOT RECOMMENDED, and
/// §7.1.4.4 allows it only when the CA documented and verified it.
///
/// **Example**: a subordinate CA with `emailAddress=pki@example.com` warns; `C, O, CN`
/// passes; a subscriber certificate is not applicable.
pub struct CaSubjectOtherAttributePresent;

impl Rule for CaSubjectOtherAttributePresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.ca_subject_other_attribute_present", Source::CabfBr, Severity::Warn)
                .summary("CA subjects should contain only the attributes of the BR CA naming table")
                .citation("TLS BR §7.1.2.10.2, §7.1.4.4")
                .scope(CA_AND_OCSP)
                .effective(BR_2_0_0)
                .aliases(&["pkilint:cabf.serverauth.ca.unknown_attribute_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        const ALLOWED: [&ObjectIdentifier; 8] = [
            &attr::COUNTRY,
            &attr::STATE_OR_PROVINCE,
            &attr::LOCALITY,
            &attr::POSTAL_CODE,
            &attr::STREET_ADDRESS,
            &attr::ORGANIZATION,
            &attr::ORGANIZATIONAL_UNIT,
            &attr::COMMON_NAME,
        ];
        match first_outside(&subject, &ALLOWED) {
            None => Outcome::Pass,
            Some(a) => {
                Outcome::fail(format!("the CA subject has {}, which is not in the CA naming table", a.type_name()))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Subscriber subjects (§7.1.2.7.2-§7.1.2.7.5, §7.1.4.3).

/// `cabf_br.dv_subject_attribute_not_allowed`
///
/// **What it checks**: a domain-validated subject carries only countryName and
/// commonName. For certificates issued before 2023-09-15, only the attributes the older
/// BRs (§7.1.6.4) named as conflicting with DV are reported: organizationName,
/// localityName, stateOrProvinceName, postalCode, streetAddress.
///
/// **Why it matters**: TLS BR §7.1.2.7.2: a DV certificate validates only the domain, so
/// any identity or address attribute would be unvalidated information ("Any other
/// attribute: MUST NOT").
///
/// **Example**: a DV certificate with `O=Example` fails; `C=US, CN=example.com` passes;
/// issued in 2022 with `OU=IT` passes (not a DV conflict then); an OV certificate is not
/// applicable.
pub struct DvSubjectAttributeNotAllowed;

impl Rule for DvSubjectAttributeNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.dv_subject_attribute_not_allowed", Source::CabfBr, Severity::Error)
                .summary("a DV subject may contain only countryName and commonName")
                .citation("TLS BR §7.1.2.7.2 (v1.x §7.1.6.4)")
                .scope(Scope::of(CertType::SubscriberDv))
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_cab_dv_subject_invalid_values",
                    "zlint:e_cab_dv_conflicts_with_org",
                    "zlint:e_cab_dv_conflicts_with_locality",
                    "zlint:e_cab_dv_conflicts_with_province",
                    "zlint:e_cab_dv_conflicts_with_postal",
                    "zlint:e_cab_dv_conflicts_with_street",
                    "pkilint:cabf.serverauth.dv.unknown_attribute_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let offending = if issued_before(cert, BR_2_0_0) {
            const CONFLICTS: [&ObjectIdentifier; 5] = [
                &attr::ORGANIZATION,
                &attr::LOCALITY,
                &attr::STATE_OR_PROVINCE,
                &attr::POSTAL_CODE,
                &attr::STREET_ADDRESS,
            ];
            subject.attributes().find(|a| CONFLICTS.iter().any(|t| a.oid.is(t)))
        } else {
            first_outside(&subject, &[&attr::COUNTRY, &attr::COMMON_NAME])
        };
        match offending {
            None => Outcome::Pass,
            Some(a) => Outcome::fail(format!("the DV subject has {} \"{}\"", a.type_name(), value_text(&a))),
        }
    }
}

/// `cabf_br.subscriber_common_name_present`
///
/// **What it checks**: a DV, OV, IV or EV subscriber subject has no commonName. Reported
/// as a notice for certificates issued before 2023-09-15 and as a warning from then on.
///
/// **Why it matters**: TLS BR §7.1.2.7.2-§7.1.2.7.4 and EVG §7.1.4.2.2 mark commonName as
/// NOT RECOMMENDED (deprecated): clients match names against the subjectAltName, and a
/// commonName only repeats one entry of it.
///
/// **Example**: `CN=example.com` warns (a notice when issued in 2023-09-14 or earlier);
/// a subject without commonName passes; a CA is not applicable.
pub struct SubscriberCommonNamePresent;

impl Rule for SubscriberCommonNamePresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_common_name_present", Source::CabfBr, Severity::Warn)
            .summary("subscriber subjects should not contain commonName (a notice before 2023-09-15)")
            .citation("TLS BR §7.1.2.7.2-§7.1.2.7.4; EVG §7.1.4.2.2")
            .scope(SUBSCRIBER_LEVELS)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:w_subject_common_name_included",
                "zlint:n_subject_common_name_included",
                "pkilint:cabf.serverauth.dv.common_name_attribute_present",
                "pkilint:cabf.serverauth.ov.common_name_attribute_present",
                "pkilint:cabf.serverauth.iv.common_name_attribute_present",
                "pkilint:cabf.ev_guidelines.common_name_attribute_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let Some(cn) = subject.first(&attr::COMMON_NAME) else { return Outcome::Pass };
        let msg = format!("the subject has commonName \"{}\" (deprecated)", value_text(&cn));
        if issued_before(cert, BR_2_0_0) {
            Outcome::fail_as(Severity::Notice, msg)
        } else {
            Outcome::fail(msg)
        }
    }
}

/// A small stack buffer for formatting an IP address without allocating.
struct TextBuf {
    bytes: [u8; 48],
    len: usize,
}

impl TextBuf {
    fn new() -> Self {
        Self { bytes: [0; 48], len: 0 }
    }

    fn as_str(&self) -> &str {
        self.bytes.get(..self.len).and_then(|b| core::str::from_utf8(b).ok()).unwrap_or_default()
    }
}

impl core::fmt::Write for TextBuf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(core::fmt::Error)?;
        let dst = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The address of a SAN iPAddress entry (4 or 16 octets).
pub(crate) fn ip_of(octets: &[u8]) -> Option<core::net::IpAddr> {
    if let Ok(v4) = <[u8; 4]>::try_from(octets) {
        Some(core::net::IpAddr::from(v4))
    } else if let Ok(v6) = <[u8; 16]>::try_from(octets) {
        Some(core::net::IpAddr::from(v6))
    } else {
        None
    }
}

/// Whether `cn` is the text form §7.1.4.3 prescribes for this SAN iPAddress: RFC 3986
/// dotted quad for IPv4, RFC 5952 for IPv6 (Rust's `Display` follows both).
fn cn_matches_ip(cn: &str, octets: &[u8], exact: bool) -> bool {
    let Some(ip) = ip_of(octets) else { return false };
    if exact {
        let mut buf = TextBuf::new();
        core::fmt::Write::write_fmt(&mut buf, format_args!("{ip}")).is_ok() && buf.as_str() == cn
    } else {
        cn.parse::<core::net::IpAddr>().is_ok_and(|c| c == ip)
    }
}

/// `cabf_br.subscriber_common_name_not_from_san`
///
/// **What it checks**: each commonName of a TLS subscriber subject is one of the
/// subjectAltName values: a character-for-character copy of a dNSName, or the RFC 3986
/// (IPv4) / RFC 5952 (IPv6) text of an iPAddress. Certificates issued before 2021-08-25
/// only need to match case-insensitively (and any text form of the same address).
///
/// **Why it matters**: TLS BR §7.1.4.3: the commonName, if present, must repeat a SAN
/// entry exactly (P-labels not converted to Unicode), so that clients still reading the
/// commonName reach the same, validated name.
///
/// **Example**: `CN=shop.example.com` with SAN `example.com` fails; `CN=Example.com` with
/// SAN `example.com` fails from 2021-08-25 and passes before; `CN=192.0.2.1` with SAN
/// iPAddress 192.0.2.1 passes; no commonName passes; a CA is not applicable.
pub struct SubscriberCommonNameNotFromSan;

impl Rule for SubscriberCommonNameNotFromSan {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_common_name_not_from_san", Source::CabfBr, Severity::Error)
                .summary("a subscriber commonName must be an exact copy of a subjectAltName entry")
                .citation("TLS BR §7.1.4.3")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_subject_common_name_not_exactly_from_san",
                    "zlint:e_subject_common_name_not_from_san",
                    "pkilint:cabf.serverauth.subscriber_common_name_unknown_source",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let san = match cert.subject_alt_name() {
            None => None,
            Some(Ok(s)) => Some(s.value),
            Some(Err(_)) => return Outcome::NotApplicable,
        };
        let exact = !issued_before(cert, CN_EXACT_DATE);
        for cn in subject.attributes_of(&attr::COMMON_NAME) {
            let Some(text) = cn.text() else { return Outcome::NotApplicable };
            let found = san.is_some_and(|s| {
                s.names().any(|n| match n {
                    GeneralName::DnsName(d) if exact => d == text.as_bytes(),
                    GeneralName::DnsName(d) => d.eq_ignore_ascii_case(text.as_bytes()),
                    GeneralName::IpAddress(ip) => cn_matches_ip(&text, ip, exact),
                    _ => false,
                })
            });
            if !found {
                let how = if exact { "an exact copy of" } else { "found in" };
                return Outcome::fail(format!(
                    "commonName \"{text}\" is not {how} any subjectAltName dNSName or iPAddress"
                ));
            }
        }
        Outcome::Pass
    }
}

/// `cabf_br.subscriber_organization_missing`
///
/// **What it checks**: an OV or EV subscriber subject has an organizationName.
///
/// **Why it matters**: TLS BR §7.1.2.7.4 and EVG §7.1.4.2.1 make the verified organization
/// name mandatory: it is the identity that OV and EV certificates assert.
///
/// **Example**: an OV certificate with only `C=US, ST=CA, CN=example.com` fails; with
/// `O=Example Inc.` passes; a DV certificate is not applicable.
pub struct SubscriberOrganizationMissing;

impl Rule for SubscriberOrganizationMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_organization_missing", Source::CabfBr, Severity::Error)
                .summary("OV and EV subjects must contain organizationName")
                .citation("TLS BR §7.1.2.7.4; EVG §7.1.4.2.1")
                .scope(Scope::of(CertType::SubscriberOv).with(CertType::SubscriberEv))
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_cab_ov_requires_org",
                    "zlint:e_ev_organization_name_missing",
                    "pkilint:cabf.serverauth.ov.organization_name_attribute_absent",
                    "pkilint:cabf.ev_guidelines.organization_name_attribute_absent",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        present(cert, &attr::ORGANIZATION, "the OV/EV subject has no organizationName")
    }
}

/// Why a subscriber subject needs identity attributes (country, locality/state): its
/// validation level, or (from 2016-09-07) an organization or personal name in it.
fn identity_reason(cert: &Certificate, ctx: &Context, subject: &Name<'_>) -> Option<&'static str> {
    match effective_type(cert, ctx) {
        CertType::SubscriberOv => return Some("an OV"),
        CertType::SubscriberIv => return Some("an IV"),
        CertType::SubscriberEv => return Some("an EV"),
        _ => {}
    }
    let named = has_any(subject, &[&attr::ORGANIZATION, &attr::GIVEN_NAME, &attr::SURNAME]);
    (named && !issued_before(cert, GIVEN_NAME_DATE))
        .then_some("a subscriber subject with an organization or personal name")
}

/// `cabf_br.subscriber_country_missing`
///
/// **What it checks**: an OV, IV or EV subscriber subject has a countryName, and so does
/// (from 2016-09-07) any subscriber subject carrying organizationName, givenName or
/// surname.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 and §7.1.2.7.4 (formerly §7.1.4.2.2(d)) and EVG
/// §7.1.4.2.6 require the country of a subject whose identity the certificate asserts.
///
/// **Example**: an OV subject `O=Example, ST=CA` fails; adding `C=US` passes; a DV subject
/// `CN=example.com` passes; a CA is not applicable.
pub struct SubscriberCountryMissing;

impl Rule for SubscriberCountryMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_country_missing", Source::CabfBr, Severity::Error)
            .summary("OV, IV and EV subjects, and subjects naming an organization or person, must contain countryName")
            .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4 (v1.x §7.1.4.2.2); EVG §7.1.4.2.6")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&[
                "zlint:e_cert_policy_ov_requires_country",
                "zlint:e_cert_policy_iv_requires_country",
                "zlint:e_sub_cert_country_name_must_appear",
                "zlint:e_ev_country_name_missing",
                "pkilint:cabf.serverauth.ov.country_attribute_absent",
                "pkilint:cabf.serverauth.iv.country_attribute_absent",
                "pkilint:cabf.ev_guidelines.country_attribute_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let Some(reason) = identity_reason(cert, ctx, &subject) else { return Outcome::NotApplicable };
        if subject.has(&attr::COUNTRY) {
            Outcome::Pass
        } else {
            Outcome::fail(format!("{reason} has no countryName"))
        }
    }
}

/// `cabf_br.subscriber_locality_and_province_missing`
///
/// **What it checks**: an OV, IV or EV subscriber subject has a localityName or a
/// stateOrProvinceName (at least one), and so does (from 2016-09-07) any subscriber
/// subject carrying organizationName, givenName or surname.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 and §7.1.2.7.4 require stateOrProvinceName when
/// localityName is absent and the reverse; EVG §7.1.4.2.6 requires at least one of them.
/// Without either, the subject's location is only a country.
///
/// **Example**: an OV subject `C=US, O=Example` fails; adding `L=Springfield` or `ST=IL`
/// passes; a DV subject `CN=example.com` passes; a CA is not applicable.
pub struct SubscriberLocalityAndProvinceMissing;

impl Rule for SubscriberLocalityAndProvinceMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_locality_and_province_missing", Source::CabfBr, Severity::Error)
                .summary("OV, IV and EV subjects need localityName or stateOrProvinceName")
                .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4; EVG §7.1.4.2.6")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&[
                    "zlint:e_cert_policy_ov_requires_province_or_locality",
                    "zlint:e_cert_policy_iv_requires_province_or_locality",
                    "zlint:e_sub_cert_locality_name_must_appear",
                    "zlint:e_sub_cert_province_must_appear",
                    "pkilint:cabf.serverauth.subscriber_stateprovince_and_locality_missing",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let Some(reason) = identity_reason(cert, ctx, &subject) else { return Outcome::NotApplicable };
        if has_any(&subject, &[&attr::LOCALITY, &attr::STATE_OR_PROVINCE]) {
            Outcome::Pass
        } else {
            Outcome::fail(format!("{reason} has neither localityName nor stateOrProvinceName"))
        }
    }
}

/// `cabf_br.subscriber_address_without_identity`
///
/// **What it checks**: a TLS subscriber subject that names neither an organization
/// (organizationName) nor a person (givenName, surname) carries no address attribute
/// (localityName, stateOrProvinceName, streetAddress, postalCode).
///
/// **Why it matters**: the BRs since 1.4.1 (§7.1.4.2.2(d)-(g)) allow the address fields
/// only alongside a verified organization or individual name; on their own they describe
/// nobody and suggest validation that did not happen.
///
/// **Example**: `C=US, ST=CA, CN=example.com` fails; `C=US, ST=CA, O=Example,
/// CN=example.com` passes; `CN=example.com` passes; issued before 2016-09-07 is not
/// effective.
pub struct SubscriberAddressWithoutIdentity;

impl Rule for SubscriberAddressWithoutIdentity {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_address_without_identity", Source::CabfBr, Severity::Error)
                .summary("address attributes require an organization or personal name in the subscriber subject")
                .citation("TLS BR v1.x §7.1.4.2.2")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(GIVEN_NAME_DATE)
                .aliases(&[
                    "zlint:e_sub_cert_locality_name_must_not_appear",
                    "zlint:e_sub_cert_province_must_not_appear",
                    "zlint:e_sub_cert_street_address_should_not_exist",
                    "zlint:e_sub_cert_postal_code_must_not_appear",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if has_any(&subject, &[&attr::ORGANIZATION, &attr::GIVEN_NAME, &attr::SURNAME]) {
            return Outcome::Pass;
        }
        const ADDRESS: [&ObjectIdentifier; 4] =
            [&attr::LOCALITY, &attr::STATE_OR_PROVINCE, &attr::STREET_ADDRESS, &attr::POSTAL_CODE];
        match subject.attributes().find(|a| ADDRESS.iter().any(|t| a.oid.is(t))) {
            None => Outcome::Pass,
            Some(a) => Outcome::fail(format!(
                "the subject has {} \"{}\" but no organizationName, givenName or surname",
                a.type_name(),
                value_text(&a)
            )),
        }
    }
}

/// `cabf_br.iv_personal_name_missing`
///
/// **What it checks**: an IV subscriber subject has both givenName and surname. For
/// certificates issued before 2023-09-15, an organizationName also satisfied the rule (the
/// old §7.1.6.4 wording).
///
/// **Why it matters**: TLS BR §7.1.2.7.3: an individual-validated certificate asserts a
/// person's identity, so the person's given name and surname MUST be present.
///
/// **Example**: an IV subject with `givenName=Ada` only fails; with `givenName=Ada,
/// surname=Lovelace` passes; issued in 2020 with `O=Example` passes; a DV certificate is
/// not applicable.
pub struct IvPersonalNameMissing;

impl Rule for IvPersonalNameMissing {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.iv_personal_name_missing", Source::CabfBr, Severity::Error)
            .summary("IV subjects must contain givenName and surname")
            .citation("TLS BR §7.1.2.7.3")
            .scope(Scope::of(CertType::SubscriberIv))
            .effective(Time::ymd(2015, 9, 28))
            .aliases(&[
                "zlint:e_cab_iv_requires_personal_name",
                "zlint:e_cab_iv_requires_personal_name_strict",
                "pkilint:cabf.serverauth.iv.given_name_attribute_absent",
                "pkilint:cabf.serverauth.iv.surname_attribute_absent",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let given = subject.has(&attr::GIVEN_NAME);
        let surname = subject.has(&attr::SURNAME);
        if given && surname {
            return Outcome::Pass;
        }
        if issued_before(cert, BR_2_0_0) && subject.has(&attr::ORGANIZATION) {
            return Outcome::Pass;
        }
        let missing = match (given, surname) {
            (false, false) => "givenName and surname",
            (false, true) => "givenName",
            _ => "surname",
        };
        Outcome::fail(format!("the IV subject has no {missing}"))
    }
}

/// `cabf_br.personal_name_without_iv_policy`
///
/// **What it checks**: a TLS subscriber subject with givenName or surname asserts the IV
/// policy 2.23.140.1.2.3 in certificatePolicies.
///
/// **Why it matters**: TLS BR §7.1.2.7.4 forbids givenName and surname in OV certificates
/// (and the older §7.1.4.2.2 allowed them only with the IV policy): a personal name is only
/// validated under the individual-validation rules.
///
/// **Example**: an OV certificate with `surname=Lovelace` fails; an IV certificate with it
/// passes; a subject without personal names passes; issued before 2016-09-07 is not
/// effective.
pub struct PersonalNameWithoutIvPolicy;

impl Rule for PersonalNameWithoutIvPolicy {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.personal_name_without_iv_policy", Source::CabfBr, Severity::Error)
                .summary("givenName and surname may appear only in IV certificates")
                .citation("TLS BR §7.1.2.7.4 (v1.x §7.1.4.2.2)")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(GIVEN_NAME_DATE)
                .aliases(&[
                    "zlint:e_sub_cert_given_name_surname_contains_correct_policy",
                    "pkilint:cabf.serverauth.ov.given_name_attribute_present",
                    "pkilint:cabf.serverauth.ov.surname_attribute_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        let Some(a) = subject.attributes().find(|a| a.oid.is(&attr::GIVEN_NAME) || a.oid.is(&attr::SURNAME)) else {
            return Outcome::Pass;
        };
        match has_policy(cert, &policy::IV) {
            None => Outcome::NotApplicable,
            Some(true) => Outcome::Pass,
            Some(false) => Outcome::fail(format!(
                "the subject has {} but the IV policy 2.23.140.1.2.3 is not asserted",
                a.type_name()
            )),
        }
    }
}

/// `cabf_br.subscriber_ou_present`
///
/// **What it checks**: a TLS subscriber subject has no organizationalUnitName.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 and §7.1.2.7.4 (since ballot SC-047, effective
/// 2022-09-01) and EVG §7.1.4.2.7 prohibit organizationalUnitName: its content was not
/// validated and was used to suggest identities the CA never checked.
///
/// **Example**: an OV subject with `OU=IT` fails; without OU passes; issued before
/// 2022-09-01 is not effective; a CA is not applicable.
pub struct SubscriberOuPresent;

impl Rule for SubscriberOuPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_ou_present", Source::CabfBr, Severity::Error)
            .summary("subscriber subjects must not contain organizationalUnitName")
            .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4; EVG §7.1.4.2.7")
            .scope(Scope::TLS_SUBSCRIBER)
            .effective(Time::ymd(2022, 9, 1))
            .aliases(&[
                "zlint:e_organizational_unit_name_prohibited",
                "pkilint:cabf.serverauth.ov.organizational_unit_name_attribute_present",
                "pkilint:cabf.serverauth.iv.organizational_unit_name_attribute_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent(cert, &attr::ORGANIZATIONAL_UNIT, "the subscriber subject")
    }
}

/// `cabf_br.subject_ou_without_organization`
///
/// **What it checks**: between 2021-08-16 and 2022-09-01, a TLS subscriber subject with
/// organizationalUnitName also has organizationName.
///
/// **Why it matters**: TLS BR 1.7.9 §7.1.4.2.2(i) allowed an OU only alongside a validated
/// organization name, until OU was banned outright (see `cabf_br.subscriber_ou_present`).
///
/// **Example**: issued 2022-01-01 with `OU=IT` and no `O` fails; with `O=Example` passes;
/// issued 2022-09-01 or later, or before 2021-08-16, is not effective.
pub struct SubjectOuWithoutOrganization;

impl Rule for SubjectOuWithoutOrganization {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new(
            "cabf_br.subject_ou_without_organization",
            Source::CabfBr,
            Severity::Error,
        )
        .summary("organizationalUnitName requires organizationName in subscriber subjects (2021-08-16 to 2022-09-01)")
        .citation("TLS BR v1.7.9 §7.1.4.2.2")
        .scope(Scope::TLS_SUBSCRIBER)
        .effective(Time::ymd(2021, 8, 16))
        .ineffective(Time::ymd(2022, 9, 1))
        .aliases(&["zlint:e_subject_contains_organizational_unit_name_and_no_organization_name"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        match subject.first(&attr::ORGANIZATIONAL_UNIT) {
            Some(ou) if !subject.has(&attr::ORGANIZATION) => Outcome::fail(format!(
                "the subject has organizationalUnitName \"{}\" but no organizationName",
                value_text(&ou)
            )),
            _ => Outcome::Pass,
        }
    }
}

/// `cabf_br.iv_organization_present`
///
/// **What it checks**: an IV subscriber subject has no organizationName.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 marks organizationName NOT RECOMMENDED in
/// individual-validated certificates, which assert a person, not an organization.
///
/// **Example**: an IV subject with `O=Example` warns; without passes; an OV certificate is
/// not applicable.
pub struct IvOrganizationPresent;

impl Rule for IvOrganizationPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.iv_organization_present", Source::CabfBr, Severity::Warn)
            .summary("IV subjects should not contain organizationName")
            .citation("TLS BR §7.1.2.7.3")
            .scope(Scope::of(CertType::SubscriberIv))
            .effective(BR_2_0_0)
            .aliases(&["pkilint:cabf.serverauth.iv.organization_name_attribute_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent(cert, &attr::ORGANIZATION, "the IV subject")
    }
}

/// `cabf_br.subscriber_postal_code_present`
///
/// **What it checks**: an OV or IV subscriber subject has no postalCode.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 and §7.1.2.7.4 mark postalCode NOT RECOMMENDED:
/// it adds detail that relying parties do not use and that must still be validated.
///
/// **Example**: an OV subject with `postalCode=12345` warns; without passes; a DV
/// certificate is not applicable.
pub struct SubscriberPostalCodePresent;

impl Rule for SubscriberPostalCodePresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.subscriber_postal_code_present", Source::CabfBr, Severity::Warn)
            .summary("OV and IV subjects should not contain postalCode")
            .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4")
            .scope(Scope::of(CertType::SubscriberOv).with(CertType::SubscriberIv))
            .effective(BR_2_0_0)
            .aliases(&[
                "pkilint:cabf.serverauth.ov.postal_code_attribute_present",
                "pkilint:cabf.serverauth.iv.postal_code_attribute_present",
            ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent(cert, &attr::POSTAL_CODE, "the subscriber subject")
    }
}

/// `cabf_br.subscriber_street_address_present`
///
/// **What it checks**: an OV or IV subscriber subject has no streetAddress.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 and §7.1.2.7.4 mark streetAddress NOT
/// RECOMMENDED in OV and IV certificates.
///
/// **Example**: an OV subject with `street=1 Main St` warns; without passes; an EV
/// certificate is not applicable.
pub struct SubscriberStreetAddressPresent;

impl Rule for SubscriberStreetAddressPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_street_address_present", Source::CabfBr, Severity::Warn)
                .summary("OV and IV subjects should not contain streetAddress")
                .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4")
                .scope(Scope::of(CertType::SubscriberOv).with(CertType::SubscriberIv))
                .effective(BR_2_0_0)
                .aliases(&[
                    "pkilint:cabf.serverauth.ov.street_address_attribute_present",
                    "pkilint:cabf.serverauth.iv.street_address_attribute_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        absent(cert, &attr::STREET_ADDRESS, "the subscriber subject")
    }
}

/// `cabf_br.subscriber_other_subject_attribute_present`
///
/// **What it checks**: an OV subject uses only the attributes of the OV table
/// (domainComponent, countryName, stateOrProvinceName, localityName, postalCode,
/// streetAddress, organizationName, commonName) and an IV subject only those of the IV
/// table (countryName, stateOrProvinceName, localityName, postalCode, streetAddress,
/// organizationName, surname, givenName, commonName). Attributes the tables prohibit
/// outright (OU; surname/givenName in OV) are left to their own rules.
///
/// **Why it matters**: TLS BR §7.1.2.7.3 and §7.1.2.7.4 mark "any other attribute" NOT
/// RECOMMENDED, and §7.1.4.4 allows one only when documented and verified by the CA.
///
/// **Example**: an OV subject with `emailAddress=admin@example.com` warns; an IV subject
/// with `title=CEO` warns; an OV subject `C, ST, O, CN` passes; a DV certificate is not
/// applicable (see `cabf_br.dv_subject_attribute_not_allowed`).
pub struct SubscriberOtherSubjectAttributePresent;

impl Rule for SubscriberOtherSubjectAttributePresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_other_subject_attribute_present", Source::CabfBr, Severity::Warn)
                .summary("OV and IV subjects should contain only the attributes of their BR profile table")
                .citation("TLS BR §7.1.2.7.3, §7.1.2.7.4, §7.1.4.4")
                .scope(Scope::of(CertType::SubscriberOv).with(CertType::SubscriberIv))
                .effective(BR_2_0_0)
                .aliases(&[
                    "pkilint:cabf.serverauth.ov.unknown_attribute_present",
                    "pkilint:cabf.serverauth.iv.unknown_attribute_present",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, ctx: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        // The OV table (with the attributes it prohibits, which other rules report).
        const OV: [&ObjectIdentifier; 11] = [
            &attr::DOMAIN_COMPONENT,
            &attr::COUNTRY,
            &attr::STATE_OR_PROVINCE,
            &attr::LOCALITY,
            &attr::POSTAL_CODE,
            &attr::STREET_ADDRESS,
            &attr::ORGANIZATION,
            &attr::SURNAME,
            &attr::GIVEN_NAME,
            &attr::ORGANIZATIONAL_UNIT,
            &attr::COMMON_NAME,
        ];
        const IV: [&ObjectIdentifier; 10] = [
            &attr::COUNTRY,
            &attr::STATE_OR_PROVINCE,
            &attr::LOCALITY,
            &attr::POSTAL_CODE,
            &attr::STREET_ADDRESS,
            &attr::ORGANIZATION,
            &attr::SURNAME,
            &attr::GIVEN_NAME,
            &attr::ORGANIZATIONAL_UNIT,
            &attr::COMMON_NAME,
        ];
        let (level, table): (&str, &[&ObjectIdentifier]) = match effective_type(cert, ctx) {
            CertType::SubscriberIv => ("IV", &IV),
            _ => ("OV", &OV),
        };
        match first_outside(&subject, table) {
            None => Outcome::Pass,
            Some(a) => {
                Outcome::fail(format!("the {level} subject has {}, which is not in the {level} table", a.type_name()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;

    const P: u8 = tag::PRINTABLE_STRING;
    const U: u8 = tag::UTF8_STRING;

    type Attrs<'a> = &'a [(&'a ObjectIdentifier, u8, &'a str)];

    /// A subscriber certificate asserting `policy`, with this subject.
    fn leaf(pol: &ObjectIdentifier, attrs: Attrs<'_>) -> CertBuilder {
        CertBuilder::leaf().ext(&ext::CERTIFICATE_POLICIES, false, &seq(&[&seq(&[&oid(pol)])])).subject(attrs)
    }

    fn dv(attrs: Attrs<'_>) -> CertBuilder {
        leaf(&policy::DV, attrs)
    }

    fn ov(attrs: Attrs<'_>) -> CertBuilder {
        leaf(&policy::OV, attrs)
    }

    fn iv(attrs: Attrs<'_>) -> CertBuilder {
        leaf(&policy::IV, attrs)
    }

    fn on(b: CertBuilder, y: i64, m: u32, d: u32) -> CertBuilder {
        b.not_before(Time::ymd(y, m, d))
    }

    fn message(rule: &'static dyn Rule, b: &CertBuilder) -> String {
        finding(rule, &b.build(), &Context::default()).1
    }

    fn status_as(rule: &'static dyn Rule, b: &CertBuilder, t: CertType) -> Status {
        finding(rule, &b.build(), &Context::default().with_type(t)).0
    }

    const OV_SUBJECT: Attrs<'static> = &[
        (&attr::COUNTRY, P, "US"),
        (&attr::STATE_OR_PROVINCE, U, "Illinois"),
        (&attr::LOCALITY, U, "Springfield"),
        (&attr::ORGANIZATION, U, "Example Inc."),
        (&attr::COMMON_NAME, U, "example.com"),
    ];

    fn multi_valued() -> CertBuilder {
        let rdn = set(&[
            &seq(&[&oid(&attr::ORGANIZATION), &tlv(U, b"Example")]),
            &seq(&[&oid(&attr::COMMON_NAME), &tlv(U, b"example.com")]),
        ]);
        let mut b = CertBuilder::leaf();
        b.subject = seq(&[&set(&[&seq(&[&oid(&attr::COUNTRY), &tlv(P, b"US")])]), &rdn]);
        b
    }

    #[test]
    fn rdn_multi_valued() {
        assert_status(&SubjectRdnMultiValued, &CertBuilder::leaf(), Status::Pass);
        let b = multi_valued();
        assert_status(&SubjectRdnMultiValued, &b, Status::Error);
        assert!(message(&SubjectRdnMultiValued, &b).contains("organizationName + commonName"));
        assert_status(&SubjectRdnMultiValued, &on(multi_valued(), 2023, 9, 14), Status::Notice);
        assert_status(&SubjectRdnMultiValued, &on(multi_valued(), 2023, 9, 15), Status::Error);
        assert_eq!(status_as(&SubjectRdnMultiValued, &b, CertType::SmimeSubscriber), Status::NotApplicable);
    }

    #[test]
    fn policy_override_beats_dated_severity() {
        let b = on(multi_valued(), 2023, 9, 14).build();
        let policy = crate::Policy::new("t")
            .with_static_rule(&SubjectRdnMultiValued)
            .with_severity("cabf_br.subject_rdn_multi_valued", Severity::Warn);
        assert_eq!(policy.lint(&b, &Context::default()).findings()[0].status(), Status::Warn);
    }

    #[test]
    fn rdn_order() {
        assert_status(&SubjectRdnOrderInvalid, &ov(OV_SUBJECT), Status::Pass);
        let b = ov(&[(&attr::COMMON_NAME, U, "example.com"), (&attr::COUNTRY, P, "US")]);
        assert_status(&SubjectRdnOrderInvalid, &b, Status::Error);
        assert!(message(&SubjectRdnOrderInvalid, &b).contains("countryName is encoded after commonName"));
        // Attributes outside the table do not count.
        let b = ov(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::EMAIL_ADDRESS, tag::IA5_STRING, "a@b.c"),
            (&attr::ORGANIZATION, U, "X"),
        ]);
        assert_status(&SubjectRdnOrderInvalid, &b, Status::Pass);
        let bad = ov(&[(&attr::ORGANIZATION, U, "X"), (&attr::LOCALITY, U, "Y")]);
        assert_status(&SubjectRdnOrderInvalid, &on(bad.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&SubjectRdnOrderInvalid, &on(bad, 2023, 9, 15), Status::Error);
        assert_status(&SubjectRdnOrderInvalid, &CertBuilder::root(), Status::Pass);
    }

    #[test]
    fn repeated() {
        assert_status(&SubjectAttributeRepeated, &ov(OV_SUBJECT), Status::Pass);
        let streets = ov(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::STREET_ADDRESS, U, "1 Main"),
            (&attr::STREET_ADDRESS, U, "Suite 2"),
        ]);
        assert_status(&SubjectAttributeRepeated, &streets, Status::Pass);
        let two_o = ov(&[(&attr::ORGANIZATION, U, "A"), (&attr::ORGANIZATION, U, "B")]);
        assert_status(&SubjectAttributeRepeated, &two_o, Status::Error);
        assert!(message(&SubjectAttributeRepeated, &two_o).contains("more than one organizationName"));
        assert_status(&SubjectAttributeRepeated, &on(two_o.clone(), 2023, 9, 14), Status::Pass);
        assert_status(&SubjectAttributeRepeated, &on(two_o, 2023, 9, 15), Status::Error);
        let two_cn = dv(&[(&attr::COMMON_NAME, U, "example.com"), (&attr::COMMON_NAME, U, "www.example.com")]);
        assert_status(&SubjectAttributeRepeated, &on(two_cn.clone(), 2023, 9, 14), Status::Warn);
        assert_status(&SubjectAttributeRepeated, &on(two_cn.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&SubjectAttributeRepeated, &two_cn, Status::Error);
    }

    #[test]
    fn string_types() {
        assert_status(&SubjectAttributeWrongStringType, &ov(OV_SUBJECT), Status::Pass);
        let b = ov(&[(&attr::COUNTRY, U, "US")]);
        assert_status(&SubjectAttributeWrongStringType, &b, Status::Error);
        assert_eq!(
            message(&SubjectAttributeWrongStringType, &b),
            "countryName is encoded as UTF8String; it must be PrintableString"
        );
        let b = ov(&[(&attr::ORGANIZATION, tag::BMP_STRING, "\0A")]);
        assert_status(&SubjectAttributeWrongStringType, &b, Status::Error);
        let b = ov(&[(&attr::DOMAIN_COMPONENT, P, "com")]);
        assert!(message(&SubjectAttributeWrongStringType, &b).contains("must be IA5String"));
        let b = ov(&[(&attr::ORGANIZATION_IDENTIFIER, tag::IA5_STRING, "NTRGB-1")]);
        assert_status(&SubjectAttributeWrongStringType, &b, Status::Error);
        // Unlisted attributes are not checked.
        let b = ov(&[(&attr::EMAIL_ADDRESS, tag::IA5_STRING, "a@example.com")]);
        assert_status(&SubjectAttributeWrongStringType, &b, Status::Pass);
        let b = ov(&[(&attr::SERIAL_NUMBER, U, "123")]);
        assert_status(&SubjectAttributeWrongStringType, &on(b.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&SubjectAttributeWrongStringType, &on(b, 2023, 9, 15), Status::Error);
    }

    #[test]
    fn too_long() {
        let cn64 = "a".repeat(64);
        let cn65 = "a".repeat(65);
        assert_status(&SubjectAttributeTooLong, &dv(&[(&attr::COMMON_NAME, U, &cn64)]), Status::Pass);
        let b = dv(&[(&attr::COMMON_NAME, U, &cn65)]);
        assert_status(&SubjectAttributeTooLong, &b, Status::Error);
        assert_eq!(message(&SubjectAttributeTooLong, &b), "commonName has 65 characters; the maximum is 64");
        // Characters, not bytes: 64 two-byte characters pass.
        let wide = "é".repeat(64);
        assert_status(&SubjectAttributeTooLong, &ov(&[(&attr::ORGANIZATION, U, &wide)]), Status::Pass);
        assert_status(&SubjectAttributeTooLong, &ov(&[(&attr::POSTAL_CODE, U, &"1".repeat(41))]), Status::Error);
        assert_status(
            &SubjectAttributeTooLong,
            &ov(&[(&attr::DOMAIN_COMPONENT, tag::IA5_STRING, &"d".repeat(64))]),
            Status::Error,
        );
        assert_status(&SubjectAttributeTooLong, &ov(&[(&attr::JURISDICTION_COUNTRY, P, "USA")]), Status::Error);
        let b = dv(&[(&attr::COMMON_NAME, U, &cn65)]);
        assert_status(&SubjectAttributeTooLong, &on(b.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&SubjectAttributeTooLong, &on(b, 2023, 9, 15), Status::Error);
    }

    #[test]
    fn placeholders() {
        assert_status(&SubjectAttributePlaceholderValue, &ov(OV_SUBJECT), Status::Pass);
        assert_status(&SubjectAttributePlaceholderValue, &ov(&[(&attr::COUNTRY, P, "NA")]), Status::Pass);
        for v in [".", "-", " ", "", "--", " . ", "N/A", "n/a", "Not Applicable", "none"] {
            let b = ov(&[(&attr::COUNTRY, P, "US"), (&attr::STATE_OR_PROVINCE, U, v)]);
            assert_status(&SubjectAttributePlaceholderValue, &b, Status::Error);
        }
        let b = ov(&[(&attr::LOCALITY, U, "-")]);
        assert_eq!(message(&SubjectAttributePlaceholderValue, &b), "localityName \"-\" holds no information");
        assert_status(&SubjectAttributePlaceholderValue, &on(b.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&SubjectAttributePlaceholderValue, &on(b, 2012, 7, 1), Status::Error);
        assert_eq!(
            status_as(&SubjectAttributePlaceholderValue, &ov(&[(&attr::LOCALITY, U, "-")]), CertType::Other),
            Status::NotApplicable
        );
    }

    #[test]
    fn country_codes() {
        assert_status(&SubjectCountryNotIso3166, &ov(OV_SUBJECT), Status::Pass);
        assert_status(&SubjectCountryNotIso3166, &ov(&[(&attr::COUNTRY, P, "XX")]), Status::Pass);
        assert_status(&SubjectCountryNotIso3166, &dv(&[(&attr::COMMON_NAME, U, "example.com")]), Status::Pass);
        for c in ["UK", "us", "USA", "EU", "XG"] {
            assert_status(&SubjectCountryNotIso3166, &ov(&[(&attr::COUNTRY, P, c)]), Status::Error);
        }
        let b = ov(&[(&attr::COUNTRY, P, "UK")]);
        assert_eq!(message(&SubjectCountryNotIso3166, &b), "countryName \"UK\" is not an ISO 3166-1 alpha-2 code");
        assert_status(&SubjectCountryNotIso3166, &on(b.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&SubjectCountryNotIso3166, &on(b, 2012, 7, 1), Status::Error);
        let root = CertBuilder::root().subject(&[(&attr::COUNTRY, P, "ZZ"), (&attr::COMMON_NAME, U, "R")]);
        assert_status(&SubjectCountryNotIso3166, &root, Status::Error);
    }

    #[test]
    fn province_control_characters() {
        assert_status(&StateProvinceHasControlCharacters, &ov(OV_SUBJECT), Status::Pass);
        let b = ov(&[(&attr::STATE_OR_PROVINCE, U, "Cali\nfornia")]);
        assert_status(&StateProvinceHasControlCharacters, &b, Status::Error);
        assert!(message(&StateProvinceHasControlCharacters, &b).contains("U+000A"));
        assert_status(
            &StateProvinceHasControlCharacters,
            &ov(&[(&attr::STATE_OR_PROVINCE, U, "A\u{85}B")]),
            Status::Error,
        );
        assert_status(&StateProvinceHasControlCharacters, &ov(&[(&attr::LOCALITY, U, "A\nB")]), Status::Pass);
        let b = ov(&[(&attr::STATE_OR_PROVINCE, U, "\u{7f}")]);
        assert_status(&StateProvinceHasControlCharacters, &on(b.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&StateProvinceHasControlCharacters, &on(b, 2012, 7, 1), Status::Error);
    }

    #[test]
    fn root_issuer_identical() {
        let ctx = Context::default().with_type(CertType::Root);
        assert_eq!(finding(&RootIssuerNotIdenticalToSubject, &CertBuilder::root().build(), &ctx).0, Status::Pass);
        let mut b = CertBuilder::root();
        b.issuer = name(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::ORGANIZATION, P, "Example CA"),
            (&attr::COMMON_NAME, U, "Example Root CA"),
        ]);
        let (s, m) = finding(&RootIssuerNotIdenticalToSubject, &b.build(), &ctx);
        assert_eq!(s, Status::Error);
        assert!(m.contains("not encoded identically"), "{m}");
        let before = b.clone().not_before(Time::ymd(2023, 9, 14));
        assert_eq!(finding(&RootIssuerNotIdenticalToSubject, &before.build(), &ctx).0, Status::NotEffective);
        let day_of = b.not_before(Time::ymd(2023, 9, 15));
        assert_eq!(finding(&RootIssuerNotIdenticalToSubject, &day_of.build(), &ctx).0, Status::Error);
        assert_status(&RootIssuerNotIdenticalToSubject, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn ca_required_attributes() {
        for b in [CertBuilder::root(), CertBuilder::sub_ca()] {
            assert_status(&CaSubjectCommonNameMissing, &b, Status::Pass);
            assert_status(&CaSubjectCountryMissing, &b, Status::Pass);
            assert_status(&CaSubjectOrganizationMissing, &b, Status::Pass);
        }
        let sub = |attrs: Attrs<'_>| CertBuilder::sub_ca().subject(attrs);
        let no_cn = sub(&[(&attr::COUNTRY, P, "US"), (&attr::ORGANIZATION, U, "Example CA")]);
        assert_status(&CaSubjectCommonNameMissing, &no_cn, Status::Error);
        assert_eq!(message(&CaSubjectCommonNameMissing, &no_cn), "the CA subject has no commonName");
        assert_status(&CaSubjectCommonNameMissing, &on(no_cn.clone(), 2017, 6, 7), Status::NotEffective);
        assert_status(&CaSubjectCommonNameMissing, &on(no_cn, 2017, 6, 8), Status::Error);
        let no_c = sub(&[(&attr::ORGANIZATION, U, "Example CA"), (&attr::COMMON_NAME, U, "CA")]);
        assert_status(&CaSubjectCountryMissing, &no_c, Status::Error);
        assert_status(&CaSubjectCountryMissing, &on(no_c.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&CaSubjectCountryMissing, &on(no_c, 2012, 7, 1), Status::Error);
        let no_o = sub(&[(&attr::COUNTRY, P, "US"), (&attr::COMMON_NAME, U, "CA")]);
        assert_status(&CaSubjectOrganizationMissing, &no_o, Status::Error);
        assert_status(&CaSubjectOrganizationMissing, &on(no_o.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&CaSubjectOrganizationMissing, &on(no_o, 2012, 7, 1), Status::Error);
        // OCSP responders too; subscribers not.
        let ocsp = CertBuilder::leaf().subject(&[(&attr::COMMON_NAME, U, "OCSP")]);
        assert_eq!(status_as(&CaSubjectOrganizationMissing, &ocsp, CertType::OcspResponder), Status::Error);
        assert_status(&CaSubjectCommonNameMissing, &dv(&[(&attr::COUNTRY, P, "US")]), Status::NotApplicable);
        // ... but only from the SC-062 profiles: the old §7.1.4.3 named CA subjects only.
        let old_ocsp = on(ocsp.clone(), 2023, 9, 14);
        assert_eq!(status_as(&CaSubjectOrganizationMissing, &old_ocsp, CertType::OcspResponder), Status::NotApplicable);
        assert_eq!(status_as(&CaSubjectCountryMissing, &old_ocsp, CertType::OcspResponder), Status::NotApplicable);
        let new_ocsp = on(ocsp, 2023, 9, 15);
        assert_eq!(status_as(&CaSubjectCountryMissing, &new_ocsp, CertType::OcspResponder), Status::Error);
        // Real: a 2015 OCSP responder (CN, O only) is detected as such and not held to it.
        let cert = real_cert(tests_data!("vectors/ocsp_nocheck.pem"));
        assert_eq!(cert_type::detect(&cert), CertType::OcspResponder);
        assert_eq!(status(&CaSubjectCountryMissing, &cert), Status::NotApplicable);
    }

    #[test]
    fn ca_organizational_unit() {
        let with_ou = CertBuilder::sub_ca().subject(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::ORGANIZATION, U, "Example CA"),
            (&attr::ORGANIZATIONAL_UNIT, U, "Servers"),
            (&attr::COMMON_NAME, U, "Issuing CA"),
        ]);
        assert_status(&TlsCaSubjectOuPresent, &CertBuilder::sub_ca(), Status::Pass);
        assert_status(&TlsCaSubjectOuPresent, &with_ou, Status::Error);
        assert_eq!(message(&TlsCaSubjectOuPresent, &with_ou), "the CA subject has organizationalUnitName \"Servers\"");
        assert_status(&TlsCaSubjectOuPresent, &on(with_ou.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&TlsCaSubjectOuPresent, &on(with_ou.clone(), 2023, 9, 15), Status::Error);
        assert_eq!(status_as(&TlsCaSubjectOuPresent, &with_ou, CertType::OcspResponder), Status::NotApplicable);

        assert_eq!(status_as(&OtherCaSubjectOuPresent, &with_ou, CertType::OcspResponder), Status::Warn);
        assert_eq!(status_as(&OtherCaSubjectOuPresent, &with_ou, CertType::SubCaPrecertSigning), Status::Warn);
        assert_eq!(status_as(&OtherCaSubjectOuPresent, &CertBuilder::sub_ca(), CertType::SubCaTcNonTls), Status::Pass);
        assert_status(&OtherCaSubjectOuPresent, &with_ou, Status::NotApplicable);
        let old = on(with_ou.clone(), 2023, 9, 14);
        assert_eq!(status_as(&OtherCaSubjectOuPresent, &old, CertType::OcspResponder), Status::NotEffective);
        let day_of = on(with_ou, 2023, 9, 15);
        assert_eq!(status_as(&OtherCaSubjectOuPresent, &day_of, CertType::OcspResponder), Status::Warn);
    }

    #[test]
    fn ca_other_attributes() {
        assert_status(&CaSubjectOtherAttributePresent, &CertBuilder::sub_ca(), Status::Pass);
        let b = CertBuilder::sub_ca().subject(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::ORGANIZATION, U, "Example CA"),
            (&attr::COMMON_NAME, U, "CA"),
            (&attr::EMAIL_ADDRESS, tag::IA5_STRING, "pki@example.com"),
        ]);
        assert_status(&CaSubjectOtherAttributePresent, &b, Status::Warn);
        assert!(message(&CaSubjectOtherAttributePresent, &b).contains("emailAddress"));
        assert_status(&CaSubjectOtherAttributePresent, &on(b.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&CaSubjectOtherAttributePresent, &on(b, 2023, 9, 15), Status::Warn);
        assert_status(&CaSubjectOtherAttributePresent, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn dv_attributes() {
        assert_status(
            &DvSubjectAttributeNotAllowed,
            &dv(&[(&attr::COUNTRY, P, "US"), (&attr::COMMON_NAME, U, "example.com")]),
            Status::Pass,
        );
        let b = dv(&[(&attr::ORGANIZATION, U, "Example"), (&attr::COMMON_NAME, U, "example.com")]);
        assert_status(&DvSubjectAttributeNotAllowed, &b, Status::Error);
        assert_eq!(message(&DvSubjectAttributeNotAllowed, &b), "the DV subject has organizationName \"Example\"");
        let ou = dv(&[(&attr::ORGANIZATIONAL_UNIT, U, "IT"), (&attr::COMMON_NAME, U, "example.com")]);
        assert_status(&DvSubjectAttributeNotAllowed, &on(ou.clone(), 2023, 9, 14), Status::Pass);
        assert_status(&DvSubjectAttributeNotAllowed, &on(ou, 2023, 9, 15), Status::Error);
        assert_status(&DvSubjectAttributeNotAllowed, &on(b.clone(), 2023, 9, 14), Status::Error);
        assert_status(&DvSubjectAttributeNotAllowed, &on(b, 2012, 6, 30), Status::NotEffective);
        assert_status(&DvSubjectAttributeNotAllowed, &ov(OV_SUBJECT), Status::NotApplicable);
    }

    #[test]
    fn common_name_present() {
        let b = dv(&[(&attr::COMMON_NAME, U, "example.com")]);
        assert_status(&SubscriberCommonNamePresent, &b, Status::Warn);
        assert_eq!(
            message(&SubscriberCommonNamePresent, &b),
            "the subject has commonName \"example.com\" (deprecated)"
        );
        assert_status(&SubscriberCommonNamePresent, &on(b.clone(), 2023, 9, 14), Status::Notice);
        assert_status(&SubscriberCommonNamePresent, &on(b.clone(), 2023, 9, 15), Status::Warn);
        assert_status(&SubscriberCommonNamePresent, &on(b, 2012, 6, 30), Status::NotEffective);
        assert_status(&SubscriberCommonNamePresent, &dv(&[(&attr::COUNTRY, P, "US")]), Status::Pass);
        assert_status(&SubscriberCommonNamePresent, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn common_name_from_san() {
        let rule = &SubscriberCommonNameNotFromSan;
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        assert_status(rule, &dv(&[(&attr::COUNTRY, P, "US")]), Status::Pass);
        let b = dv(&[(&attr::COMMON_NAME, U, "shop.example.com")]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(
            message(rule, &b),
            "commonName \"shop.example.com\" is not an exact copy of any subjectAltName dNSName or iPAddress"
        );
        let upper = dv(&[(&attr::COMMON_NAME, U, "Example.COM")]);
        assert_status(rule, &on(upper.clone(), 2021, 8, 24), Status::Pass);
        assert_status(rule, &on(upper, 2021, 8, 25), Status::Error);
        assert_status(rule, &on(b, 2012, 6, 30), Status::NotEffective);
        // IP addresses: the canonical text form.
        let san = seq(&[
            &ctx_prim(7, &[192, 0, 2, 1]),
            &ctx_prim(7, &[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        ]);
        let ip = |cn: &str| dv(&[(&attr::COMMON_NAME, U, cn)]).ext(&ext::SUBJECT_ALT_NAME, false, &san);
        assert_status(rule, &ip("192.0.2.1"), Status::Pass);
        assert_status(rule, &ip("2001:db8::1"), Status::Pass);
        assert_status(rule, &ip("2001:DB8:0:0::1"), Status::Error);
        assert_status(rule, &on(ip("2001:DB8:0:0::1"), 2021, 8, 24), Status::Pass);
        assert_status(rule, &ip("192.0.2.01"), Status::Error);
        // No SAN at all: the commonName comes from nowhere.
        let none = dv(&[(&attr::COMMON_NAME, U, "example.com")]).without_ext(&ext::SUBJECT_ALT_NAME);
        assert_status(rule, &none, Status::Error);
        assert_status(rule, &CertBuilder::root(), Status::NotApplicable);
    }

    #[test]
    fn organization_missing() {
        assert_status(&SubscriberOrganizationMissing, &ov(OV_SUBJECT), Status::Pass);
        let b = ov(&[(&attr::COUNTRY, P, "US"), (&attr::STATE_OR_PROVINCE, U, "IL")]);
        assert_status(&SubscriberOrganizationMissing, &b, Status::Error);
        assert_status(&SubscriberOrganizationMissing, &leaf(&policy::EV, &[(&attr::COUNTRY, P, "US")]), Status::Error);
        assert_status(&SubscriberOrganizationMissing, &on(b.clone(), 2012, 6, 30), Status::NotEffective);
        assert_status(&SubscriberOrganizationMissing, &on(b, 2012, 7, 1), Status::Error);
        assert_status(&SubscriberOrganizationMissing, &dv(&[(&attr::COUNTRY, P, "US")]), Status::NotApplicable);
    }

    #[test]
    fn country_and_locality_missing() {
        let (c, l) = (&SubscriberCountryMissing, &SubscriberLocalityAndProvinceMissing);
        assert_status(c, &ov(OV_SUBJECT), Status::Pass);
        assert_status(l, &ov(OV_SUBJECT), Status::Pass);
        let no_c = ov(&[(&attr::STATE_OR_PROVINCE, U, "IL"), (&attr::ORGANIZATION, U, "Example")]);
        assert_status(c, &no_c, Status::Error);
        assert_eq!(message(c, &no_c), "an OV has no countryName");
        assert_status(l, &no_c, Status::Pass);
        let no_l = iv(&[(&attr::COUNTRY, P, "US"), (&attr::SURNAME, U, "Lovelace"), (&attr::GIVEN_NAME, U, "Ada")]);
        assert_status(l, &no_l, Status::Error);
        assert_eq!(message(l, &no_l), "an IV has neither localityName nor stateOrProvinceName");
        assert_status(c, &no_l, Status::Pass);
        // DV with an organization name (from 2016-09-07).
        let dv_org = dv(&[(&attr::ORGANIZATION, U, "Example"), (&attr::COMMON_NAME, U, "example.com")]);
        assert_status(c, &dv_org, Status::Error);
        assert_status(l, &dv_org, Status::Error);
        assert_status(c, &on(dv_org.clone(), 2016, 9, 6), Status::NotApplicable);
        assert_status(c, &on(dv_org, 2016, 9, 7), Status::Error);
        assert_status(c, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(l, &CertBuilder::leaf(), Status::NotApplicable);
        assert_status(c, &on(no_c, 2012, 6, 30), Status::NotEffective);
        assert_status(l, &on(no_l.clone(), 2012, 7, 1), Status::Error);
        assert_status(l, &on(no_l, 2012, 6, 30), Status::NotEffective);
        assert_status(c, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn address_without_identity() {
        let rule = &SubscriberAddressWithoutIdentity;
        assert_status(rule, &ov(OV_SUBJECT), Status::Pass);
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        let b = dv(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::STATE_OR_PROVINCE, U, "IL"),
            (&attr::COMMON_NAME, U, "example.com"),
        ]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(
            message(rule, &b),
            "the subject has stateOrProvinceName \"IL\" but no organizationName, givenName or surname"
        );
        assert_status(rule, &dv(&[(&attr::POSTAL_CODE, U, "12345")]), Status::Error);
        assert_status(rule, &on(b.clone(), 2016, 9, 6), Status::NotEffective);
        assert_status(rule, &on(b, 2016, 9, 7), Status::Error);
        assert_status(rule, &CertBuilder::sub_ca(), Status::NotApplicable);
    }

    #[test]
    fn iv_personal_name() {
        let rule = &IvPersonalNameMissing;
        let full = iv(&[(&attr::COUNTRY, P, "GB"), (&attr::SURNAME, U, "Lovelace"), (&attr::GIVEN_NAME, U, "Ada")]);
        assert_status(rule, &full, Status::Pass);
        let given = iv(&[(&attr::COUNTRY, P, "GB"), (&attr::GIVEN_NAME, U, "Ada")]);
        assert_status(rule, &given, Status::Error);
        assert_eq!(message(rule, &given), "the IV subject has no surname");
        let org = iv(&[(&attr::COUNTRY, P, "GB"), (&attr::ORGANIZATION, U, "Example")]);
        assert_status(rule, &org, Status::Error);
        assert_eq!(message(rule, &org), "the IV subject has no givenName and surname");
        assert_status(rule, &on(org.clone(), 2023, 9, 14), Status::Pass);
        assert_status(rule, &on(org, 2023, 9, 15), Status::Error);
        assert_status(rule, &on(given.clone(), 2015, 9, 27), Status::NotEffective);
        assert_status(rule, &on(given, 2015, 9, 28), Status::Error);
        assert_status(rule, &ov(OV_SUBJECT), Status::NotApplicable);
    }

    #[test]
    fn personal_name_policy() {
        let rule = &PersonalNameWithoutIvPolicy;
        let names: Attrs<'_> =
            &[(&attr::COUNTRY, P, "GB"), (&attr::SURNAME, U, "Lovelace"), (&attr::GIVEN_NAME, U, "Ada")];
        assert_status(rule, &iv(names), Status::Pass);
        assert_status(rule, &ov(OV_SUBJECT), Status::Pass);
        let b = ov(names);
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "the subject has surname but the IV policy 2.23.140.1.2.3 is not asserted");
        let no_policies = CertBuilder::leaf().without_ext(&ext::CERTIFICATE_POLICIES).subject(names);
        assert_status(rule, &no_policies, Status::Error);
        let broken = ov(names).ext(&ext::CERTIFICATE_POLICIES, false, &[0x05, 0x00]);
        assert_status(rule, &broken, Status::NotApplicable);
        assert_status(rule, &on(b.clone(), 2016, 9, 6), Status::NotEffective);
        assert_status(rule, &on(b, 2016, 9, 7), Status::Error);
    }

    #[test]
    fn subscriber_ou() {
        let b = ov(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::ORGANIZATION, U, "Example"),
            (&attr::ORGANIZATIONAL_UNIT, U, "IT"),
        ]);
        assert_status(&SubscriberOuPresent, &ov(OV_SUBJECT), Status::Pass);
        assert_status(&SubscriberOuPresent, &b, Status::Error);
        assert_status(&SubscriberOuPresent, &on(b.clone(), 2022, 8, 31), Status::NotEffective);
        assert_status(&SubscriberOuPresent, &on(b, 2022, 9, 1), Status::Error);
        assert_status(&SubscriberOuPresent, &CertBuilder::sub_ca(), Status::NotApplicable);

        let rule = &SubjectOuWithoutOrganization;
        let alone = on(dv(&[(&attr::ORGANIZATIONAL_UNIT, U, "IT")]), 2022, 1, 1);
        assert_status(rule, &alone, Status::Error);
        assert_eq!(message(rule, &alone), "the subject has organizationalUnitName \"IT\" but no organizationName");
        let with_o = on(ov(&[(&attr::ORGANIZATION, U, "Example"), (&attr::ORGANIZATIONAL_UNIT, U, "IT")]), 2022, 1, 1);
        assert_status(rule, &with_o, Status::Pass);
        let alone = dv(&[(&attr::ORGANIZATIONAL_UNIT, U, "IT")]);
        assert_status(rule, &on(alone.clone(), 2021, 8, 15), Status::NotEffective);
        assert_status(rule, &on(alone.clone(), 2021, 8, 16), Status::Error);
        assert_status(rule, &on(alone.clone(), 2022, 8, 31), Status::Error);
        assert_status(rule, &on(alone, 2022, 9, 1), Status::NotEffective);
    }

    #[test]
    fn not_recommended_attributes() {
        let names = [(&attr::COUNTRY, P, "GB"), (&attr::SURNAME, U, "Lovelace"), (&attr::GIVEN_NAME, U, "Ada")];
        let mut with_o = names.to_vec();
        with_o.push((&attr::ORGANIZATION, U, "Example"));
        assert_status(&IvOrganizationPresent, &iv(&names), Status::Pass);
        assert_status(&IvOrganizationPresent, &iv(&with_o), Status::Warn);
        assert_status(&IvOrganizationPresent, &on(iv(&with_o), 2023, 9, 14), Status::NotEffective);
        assert_status(&IvOrganizationPresent, &on(iv(&with_o), 2023, 9, 15), Status::Warn);
        assert_status(&IvOrganizationPresent, &ov(OV_SUBJECT), Status::NotApplicable);

        let postal = ov(&[(&attr::COUNTRY, P, "US"), (&attr::POSTAL_CODE, U, "12345"), (&attr::ORGANIZATION, U, "X")]);
        assert_status(&SubscriberPostalCodePresent, &ov(OV_SUBJECT), Status::Pass);
        assert_status(&SubscriberPostalCodePresent, &postal, Status::Warn);
        assert_eq!(message(&SubscriberPostalCodePresent, &postal), "the subscriber subject has postalCode \"12345\"");
        assert_status(&SubscriberPostalCodePresent, &on(postal.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&SubscriberPostalCodePresent, &on(postal, 2023, 9, 15), Status::Warn);
        assert_status(&SubscriberPostalCodePresent, &dv(&[(&attr::POSTAL_CODE, U, "1")]), Status::NotApplicable);

        let street = iv(&[(&attr::STREET_ADDRESS, U, "1 Main St")]);
        assert_status(&SubscriberStreetAddressPresent, &iv(&names), Status::Pass);
        assert_status(&SubscriberStreetAddressPresent, &street, Status::Warn);
        assert_status(&SubscriberStreetAddressPresent, &on(street.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(&SubscriberStreetAddressPresent, &on(street, 2023, 9, 15), Status::Warn);
        assert_status(
            &SubscriberStreetAddressPresent,
            &leaf(&policy::EV, &[(&attr::STREET_ADDRESS, U, "x")]),
            Status::NotApplicable,
        );
    }

    #[test]
    fn other_subscriber_attributes() {
        let rule = &SubscriberOtherSubjectAttributePresent;
        assert_status(rule, &ov(OV_SUBJECT), Status::Pass);
        let email = ov(&[(&attr::COUNTRY, P, "US"), (&attr::EMAIL_ADDRESS, tag::IA5_STRING, "admin@example.com")]);
        assert_status(rule, &email, Status::Warn);
        assert_eq!(message(rule, &email), "the OV subject has emailAddress, which is not in the OV table");
        let title = iv(&[(&attr::SURNAME, U, "L"), (&attr::TITLE, U, "CEO")]);
        assert_status(rule, &title, Status::Warn);
        // domainComponent is in the OV table, not in the IV one.
        let dc: Attrs<'_> = &[(&attr::DOMAIN_COMPONENT, tag::IA5_STRING, "com"), (&attr::COUNTRY, P, "US")];
        assert_status(rule, &ov(dc), Status::Pass);
        assert_status(rule, &iv(dc), Status::Warn);
        assert_status(rule, &on(email.clone(), 2023, 9, 14), Status::NotEffective);
        assert_status(rule, &on(email, 2023, 9, 15), Status::Warn);
        assert_status(rule, &dv(&[(&attr::TITLE, U, "CEO")]), Status::NotApplicable);
    }

    #[test]
    fn tables() {
        assert!(BR_ATTRIBUTES.iter().filter_map(|s| s.rank).eq(0..11));
        assert!(!is_placeholder("Illinois"));
        assert!(is_placeholder(" - "));
    }
}
