//! Issuer and subject names (RFC 5280 §4.1.2.4, §4.1.2.6, Appendix A; RFC 9549 §2.4).

use alloc::format;

use super::raw;
use crate::asn1::{tag, Tlv};
use crate::cert::{AttributeTypeAndValue, GeneralName, KeyUsage, Name};
use crate::oid::{attr, ext, ObjectIdentifier};
use crate::rule::{Need, Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::iso3166;
use crate::rules::summary::clear;
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &NameNotRdnSequence,
    &IssuerEmpty,
    &CaSubjectEmpty,
    &CrlIssuerSubjectEmpty,
    &RdnEmpty,
    &RdnDuplicateAttributeType,
    &AttributeValueEmpty,
    &DirectoryStringInvalidType,
    &DirectoryStringLegacyType,
    &SubjectCountryNotPrintableString,
    &IssuerCountryNotPrintableString,
    &CountryNotTwoLetters,
    &SubjectSerialNumberNotPrintableString,
    &DnQualifierNotPrintableString,
    &SubjectSerialNumberTooLong,
    &SubjectCommonNameTooLong,
    &SubjectEmailAddressTooLong,
    &SubjectGivenNameTooLong,
    &SubjectSurnameTooLong,
    &SubjectLocalityNameTooLong,
    &SubjectStateNameTooLong,
    &SubjectOrganizationNameTooLong,
    &SubjectOrganizationalUnitNameTooLong,
    &SubjectPostalCodeTooLong,
    &SubjectStreetAddressTooLong,
    &SubjectTitleTooLong,
    &SubjectPseudonymTooLong,
    &SubjectGivenNameOverRecommendedLength,
    &SubjectSurnameOverRecommendedLength,
    &SubjectValueControlCharacters,
    &EmailAddressAttributeNotIa5string,
    &DomainComponentNotIa5string,
    &DomainComponentsInvalid,
    &SubjectEmailNotInSan,
];

/// Attribute types whose syntax is DirectoryString (RFC 5280 Appendix A; X.520 for
/// street, postalCode, businessCategory and organizationIdentifier).
const DIRECTORY_STRING_ATTRS: [&ObjectIdentifier; 16] = [
    &attr::COMMON_NAME,
    &attr::SURNAME,
    &attr::GIVEN_NAME,
    &attr::INITIALS,
    &attr::GENERATION_QUALIFIER,
    &attr::NAME,
    &attr::LOCALITY,
    &attr::STATE_OR_PROVINCE,
    &attr::STREET_ADDRESS,
    &attr::ORGANIZATION,
    &attr::ORGANIZATIONAL_UNIT,
    &attr::TITLE,
    &attr::PSEUDONYM,
    &attr::POSTAL_CODE,
    &attr::BUSINESS_CATEGORY,
    &attr::ORGANIZATION_IDENTIFIER,
];

/// The arcs n of the [`DIRECTORY_STRING_ATTRS`], all of them 2.5.4.n with n < 128, as bits:
/// the name rules ask this of every attribute.
const DIRECTORY_STRING_ARCS: u128 = {
    let mut mask = 0u128;
    let mut rest: &[&ObjectIdentifier] = &DIRECTORY_STRING_ATTRS;
    while let [first, tail @ ..] = rest {
        // Evaluated at compile time: an attribute outside 2.5.4.0-127 fails the build.
        #[allow(clippy::panic)]
        match first.as_bytes() {
            [0x55, 0x04, n] if *n < 128 => mask |= 1 << *n,
            _ => panic!("a DirectoryString attribute outside 2.5.4.0-127"),
        }
        rest = tail;
    }
    mask
};

fn is_directory_string_attr(a: &AttributeTypeAndValue<'_>) -> bool {
    matches!(a.oid.as_bytes(), [0x55, 0x04, n] if *n < 128 && DIRECTORY_STRING_ARCS >> *n & 1 == 1)
}

/// Attribute types with a string syntax of at least one character.
fn is_known_string_attr(a: &AttributeTypeAndValue<'_>) -> bool {
    is_directory_string_attr(a)
        || [
            &attr::COUNTRY,
            &attr::SERIAL_NUMBER,
            &attr::DN_QUALIFIER,
            &attr::EMAIL_ADDRESS,
            &attr::DOMAIN_COMPONENT,
            &attr::JURISDICTION_COUNTRY,
            &attr::JURISDICTION_LOCALITY,
            &attr::JURISDICTION_STATE_OR_PROVINCE,
        ]
        .iter()
        .any(|o| a.oid.is(o))
}

/// A short name of an attribute type, for messages.
fn label(a: &AttributeTypeAndValue<'_>) -> alloc::string::String {
    a.type_name().into_owned()
}

/// The value's text for messages.
fn text(a: &AttributeTypeAndValue<'_>) -> alloc::string::String {
    match a.decode() {
        Some(chars) => chars.map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect(),
        None => crate::cert::lossy(a.value),
    }
}

/// Length in characters of its string type (octets when it does not decode).
fn char_len(a: &AttributeTypeAndValue<'_>) -> usize {
    a.char_len().unwrap_or(a.value.len())
}

/// The need of the domainComponent rules: one in the subject or the issuer.
const DC_IN_NAMES: &[Need] =
    &[Need::SubjectAttribute(&attr::DOMAIN_COMPONENT), Need::IssuerAttribute(&attr::DOMAIN_COMPONENT)];

/// The issuer and subject names that decode.
fn both_names(cert: &Certificate) -> impl Iterator<Item = (&'static str, Name<'_>)> {
    let issuer = cert.issuer().ok().map(|n| ("issuer", n));
    let subject = cert.subject().ok().map(|n| ("subject", n));
    issuer.into_iter().chain(subject)
}

/// Checks every attribute of `oid` in the given names: not applicable when there is none,
/// the first complaint of `bad` otherwise.
fn check_attrs<'a>(
    names: impl Iterator<Item = (&'static str, Name<'a>)>,
    select: impl Fn(&AttributeTypeAndValue<'a>) -> bool,
    bad: impl Fn(&AttributeTypeAndValue<'a>) -> Option<alloc::string::String>,
) -> Outcome {
    let mut applicable = false;
    for (field, name) in names {
        for a in name.attributes().filter(|a| select(a)) {
            applicable = true;
            if let Some(why) = bad(&a) {
                return Outcome::fail(format!("{field} {why}"));
            }
        }
    }
    if applicable {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// Bits of [`name_facts`]: what the name rules that look at every attribute would find.
mod name_fact {
    /// A DirectoryString attribute in the issuer or subject.
    pub(super) const DS_ANY: u32 = 1;
    /// ... encoded as a type outside DirectoryString (`directory_string_invalid_type`).
    pub(super) const DS_BAD_TYPE: u32 = 1 << 1;
    /// A DirectoryString attribute in the subject.
    pub(super) const DS_SUBJECT: u32 = 1 << 2;
    /// ... of a legacy type (`directory_string_legacy_type`).
    pub(super) const DS_LEGACY: u32 = 1 << 3;
    /// An empty known-string attribute in either name (`attribute_value_empty`).
    pub(super) const EMPTY: u32 = 1 << 4;
    /// A subject attribute with a control character (`subject_value_control_characters`).
    pub(super) const CONTROL: u32 = 1 << 5;
    /// A countryName in either name.
    pub(super) const COUNTRY: u32 = 1 << 6;
    /// ... not two characters long (`country_not_two_letters`).
    pub(super) const COUNTRY_BAD: u32 = 1 << 7;
}

/// One walk over the issuer and subject attributes answering the rules of [`name_fact`],
/// computed once per certificate with the predicates those rules report with; they walk
/// again only to name the offending attribute.
fn name_facts(cert: &Certificate) -> u32 {
    filled(&cert.facts.names, cert, |w| w.facts)
}

/// What [`scan`] finds: the two memos it fills.
struct Walk {
    facts: u32,
    checks: u32,
}

/// The value of one of the memos [`scan`] fills, scanning on first use.
fn filled(memo: &crate::cert::Memo, cert: &Certificate, pick: fn(&Walk) -> u32) -> u32 {
    memo.get_or(|| pick(&walk(cert)))
}

/// Runs [`scan`] and stores all it found, for whichever of its memos is asked first.
fn walk(cert: &Certificate) -> Walk {
    let w = scan(cert);
    cert.facts.names.get_or(|| w.facts);
    cert.facts.name_checks.get_or(|| w.checks);
    w
}

/// Bits of [`name_checks`], one per rule (or family of rules): set when some attribute
/// may make the rule fail. A clear bit lets the rule pass without a walk; a set bit sends
/// it down its own walk, which decides and words the message. Bits are exact except where
/// noted (set for a value whose text the walk does not read: the rule then decides).
pub(crate) mod check {
    /// A subject attribute over its RFC 5280 upper bound (`subject_bound`).
    pub(crate) const BOUND: u32 = 1;
    /// A subject givenName or surname over its recommended length (`recommended_bound`).
    pub(crate) const RECOMMENDED: u32 = 1 << 1;
    /// A subject countryName that is not a PrintableString.
    pub(crate) const SUBJECT_COUNTRY_TAG: u32 = 1 << 2;
    /// An issuer countryName that is not a PrintableString.
    pub(crate) const ISSUER_COUNTRY_TAG: u32 = 1 << 3;
    /// A subject serialNumber that is not a PrintableString.
    pub(crate) const SERIAL_TAG: u32 = 1 << 4;
    /// A dnQualifier that is not a PrintableString, in either name.
    pub(crate) const DN_QUALIFIER_TAG: u32 = 1 << 5;
    /// An emailAddress that is not an IA5String, in either name.
    pub(crate) const EMAIL_TAG: u32 = 1 << 6;
    /// A domainComponent that is not an IA5String, in either name.
    pub(crate) const DC_TAG: u32 = 1 << 7;
    /// A multi-valued RDN in the subject.
    pub(crate) const SUBJECT_MULTI: u32 = 1 << 8;
    /// A multi-valued RDN in the issuer.
    pub(crate) const ISSUER_MULTI: u32 = 1 << 9;
    /// Subject attributes out of the BR §7.1.4.2 order (`cabf_br.subject_rdn_order_invalid`).
    pub(crate) const BR_ORDER: u32 = 1 << 10;
    /// A repeated subject type other than streetAddress and domainComponent (also set for
    /// two attributes of types outside `KNOWN_TYPES`).
    pub(crate) const REPEATED: u32 = 1 << 11;
    /// A repeated subject commonName.
    pub(crate) const REPEATED_CN: u32 = 1 << 12;
    /// A subject attribute of a string type outside its BR §7.1.4.2 row.
    pub(crate) const BR_TAG: u32 = 1 << 13;
    /// A subject attribute longer than its BR §7.1.4.2 maximum.
    pub(crate) const BR_LENGTH: u32 = 1 << 14;
    /// A subject placeholder value (`cabf_br::subject::is_placeholder`; not exact).
    pub(crate) const PLACEHOLDER: u32 = 1 << 15;
    /// A subject countryName that is not an ISO 3166-1 code (not exact).
    pub(crate) const COUNTRY_ISO: u32 = 1 << 16;
    /// A subject stateOrProvinceName with a control character.
    pub(crate) const STATE_CONTROL: u32 = 1 << 17;
    /// A subject countryName with a lower-case letter (not exact).
    pub(crate) const COUNTRY_LOWER: u32 = 1 << 18;
    /// A subject value with an HTML entity (not exact).
    pub(crate) const HTML_ENTITY: u32 = 1 << 19;
    /// A subject UTF8String that looks like Latin-1 mojibake.
    pub(crate) const MOJIBAKE: u32 = 1 << 20;
    /// A subject value starting or ending with whitespace (not exact).
    pub(crate) const SUBJECT_PADDED: u32 = 1 << 21;
    /// An issuer value starting or ending with whitespace (not exact).
    pub(crate) const ISSUER_PADDED: u32 = 1 << 22;
}

/// What the rules of [`check`] would find, computed once per certificate.
pub(crate) fn name_checks(cert: &Certificate) -> u32 {
    filled(&cert.facts.name_checks, cert, |w| w.checks)
}

/// RFC 5280 Appendix A upper bounds of the subject attributes `subject_bound` checks.
fn hard_bound(i: usize) -> Option<usize> {
    Some(match i {
        ty::SERIAL_NUMBER | ty::COMMON_NAME | ty::ORGANIZATION | ty::ORGANIZATIONAL_UNIT | ty::TITLE => 64,
        ty::EMAIL_ADDRESS => 255,
        ty::GIVEN_NAME | ty::SURNAME => 32768,
        ty::LOCALITY | ty::STATE_OR_PROVINCE | ty::STREET_ADDRESS | ty::PSEUDONYM => 128,
        ty::POSTAL_CODE => 40,
        _ => return None,
    })
}

/// Classes of bytes for [`byte_classes`].
mod class {
    pub(super) const CONTROL: u8 = 1;
    pub(super) const AMPERSAND: u8 = 1 << 1;
    pub(super) const ALPHANUMERIC: u8 = 1 << 2;
    pub(super) const LOWER: u8 = 1 << 3;
    pub(super) const NON_ASCII: u8 = 1 << 4;
}

/// The [`class`]es of each byte value: for ASCII text, a control character is a byte
/// below 0x20 or 0x7f, a letter or digit an alphanumeric char, a-z the lower-case chars.
#[allow(clippy::indexing_slicing)] // evaluated at compile time: b < 256
const CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            class::NON_ASCII
        } else if c < 0x20 || c == 0x7f {
            class::CONTROL
        } else if c == b'&' {
            class::AMPERSAND
        } else if c.is_ascii_lowercase() {
            class::ALPHANUMERIC | class::LOWER
        } else if c.is_ascii_alphanumeric() {
            class::ALPHANUMERIC
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The union of the [`class`]es of a value's bytes: one table lookup a byte.
fn byte_classes(s: &[u8]) -> u8 {
    s.iter().fold(0, |acc, &b| acc | CLASSES.get(usize::from(b)).copied().unwrap_or(class::NON_ASCII))
}

/// Whether a countryName value is an ISO 3166-1 code or XX ([`iso3166::is_country_name`]),
/// by a bit per pair of capital letters.
fn is_country_name(s: &str) -> bool {
    match s.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            let i = usize::from(a - b'A') * 26 + usize::from(b - b'A');
            COUNTRY_CODES.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
        }
        _ => false,
    }
}

/// [`iso3166::ASSIGNED`] and XX as bits, indexed by (first - 'A') * 26 + (second - 'A').
#[allow(clippy::indexing_slicing, clippy::panic)] // evaluated at compile time
const COUNTRY_CODES: [u64; 11] = {
    let mut bits = [0u64; 11];
    let mut k = 0;
    while k <= iso3166::ASSIGNED.len() {
        let code = if k < iso3166::ASSIGNED.len() { iso3166::ASSIGNED[k] } else { iso3166::UNKNOWN_COUNTRY };
        // A code that is not two capitals fails the build.
        match code.as_bytes() {
            [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
                let i = (*a - b'A') as usize * 26 + (*b - b'A') as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
            _ => panic!("an ISO 3166 code that is not two capital letters"),
        }
        k += 1;
    }
    bits
};

/// The walk behind [`name_facts`], [`name_checks`] and the type filters: each value is
/// decoded once, and an ASCII value (the usual case) is read in one pass over its bytes.
fn scan(cert: &Certificate) -> Walk {
    use crate::rules::{cabf_br::subject as br, community::subject as community};
    use check::*;
    use name_fact::*;
    let mut w = Walk { facts: 0, checks: 0 };
    let (mut facts, mut checks) = (0, 0);
    for (field, name) in both_names(cert) {
        let subject = field == "subject";
        if name.has_multi_valued_rdn() {
            checks |= if subject { SUBJECT_MULTI } else { ISSUER_MULTI };
        }
        let (mut seen, mut unknown, mut rank) = (0u32, false, None);
        for a in name.attributes() {
            let idx = type_index(a.oid.as_bytes());
            let text = a.as_str();
            let ascii = text.map(|s| byte_classes(s.as_bytes())).filter(|c| c & class::NON_ASCII == 0);
            let (len, control) = match ascii {
                Some(c) => (Some(a.value.len()), c & class::CONTROL != 0),
                None => (a.char_len(), control_char(&a).is_some()),
            };
            if is_directory_string_attr(&a) {
                facts |= DS_ANY;
                if !is_directory_string_type(a.tag) {
                    facts |= DS_BAD_TYPE;
                }
                if subject {
                    facts |= DS_SUBJECT;
                    if is_legacy_string_type(a.tag) {
                        facts |= DS_LEGACY;
                    }
                }
            }
            if a.value.is_empty() && is_known_string_attr(&a) {
                facts |= EMPTY;
            }
            if subject && control {
                facts |= CONTROL;
            }
            if idx == Some(ty::COUNTRY) {
                facts |= COUNTRY;
                if len.unwrap_or(a.value.len()) != 2 {
                    facts |= COUNTRY_BAD;
                }
            }
            match idx {
                Some(ty::DN_QUALIFIER) if a.tag != tag::PRINTABLE_STRING => checks |= DN_QUALIFIER_TAG,
                Some(ty::EMAIL_ADDRESS) if a.tag != tag::IA5_STRING => checks |= EMAIL_TAG,
                Some(ty::DOMAIN_COMPONENT) if a.tag != tag::IA5_STRING => checks |= DC_TAG,
                _ => {}
            }
            let padded = match text {
                Some(s) => s.starts_with([' ', '\t']) || s.ends_with([' ', '\t']),
                None => true,
            };
            if !subject {
                if idx == Some(ty::COUNTRY) && a.tag != tag::PRINTABLE_STRING {
                    checks |= ISSUER_COUNTRY_TAG;
                }
                if padded {
                    checks |= ISSUER_PADDED;
                }
                continue;
            }
            if padded {
                checks |= SUBJECT_PADDED;
            }
            let n = len.unwrap_or(a.value.len());
            if idx.and_then(hard_bound).is_some_and(|max| n > max) {
                checks |= BOUND;
            }
            let over = |recommended| n > recommended && n <= 32768;
            match idx {
                Some(ty::GIVEN_NAME) if over(16) => checks |= RECOMMENDED,
                Some(ty::SURNAME) if over(40) => checks |= RECOMMENDED,
                Some(ty::COUNTRY) if a.tag != tag::PRINTABLE_STRING => checks |= SUBJECT_COUNTRY_TAG,
                Some(ty::SERIAL_NUMBER) if a.tag != tag::PRINTABLE_STRING => checks |= SERIAL_TAG,
                Some(ty::STATE_OR_PROVINCE) if control => checks |= STATE_CONTROL,
                _ => {}
            }
            match idx {
                Some(i) => {
                    let bit = 1u32 << i;
                    if seen & bit != 0 {
                        if i == ty::COMMON_NAME {
                            checks |= REPEATED_CN;
                        }
                        if i != ty::STREET_ADDRESS && i != ty::DOMAIN_COMPONENT {
                            checks |= REPEATED;
                        }
                    }
                    seen |= bit;
                }
                None => {
                    if unknown {
                        checks |= REPEATED;
                    }
                    unknown = true;
                }
            }
            if let Some(spec) = idx.and_then(br::spec_of) {
                if let Some(r) = spec.rank {
                    if rank.is_some_and(|p| r < p) {
                        checks |= BR_ORDER;
                    }
                    rank = Some(r);
                }
                if !spec.tags.contains(&a.tag) {
                    checks |= BR_TAG;
                }
                if spec.max.is_some_and(|max| len.is_some_and(|l| l > max)) {
                    checks |= BR_LENGTH;
                }
            }
            let country = idx == Some(ty::COUNTRY);
            match text {
                Some(s) => {
                    // For ASCII: a letter or digit is an alphanumeric char, a-z the
                    // lower-case chars, and there is no mojibake.
                    let (alphanumeric, ampersand, lower) = match ascii {
                        Some(c) => (c & class::ALPHANUMERIC != 0, c & class::AMPERSAND != 0, c & class::LOWER != 0),
                        None => (s.chars().any(char::is_alphanumeric), true, s.chars().any(char::is_lowercase)),
                    };
                    if !alphanumeric || br::is_placeholder_word(s) {
                        checks |= PLACEHOLDER;
                    }
                    if ampersand && community::html_entity(s).is_some() {
                        checks |= HTML_ENTITY;
                    }
                    if ascii.is_none() && a.tag == tag::UTF8_STRING && community::is_latin1_mojibake(s) {
                        checks |= MOJIBAKE;
                    }
                    if country && lower {
                        checks |= COUNTRY_LOWER;
                    }
                    if country && !is_country_name(s) {
                        checks |= COUNTRY_ISO;
                    }
                }
                None => {
                    checks |= PLACEHOLDER | HTML_ENTITY;
                    if country {
                        checks |= COUNTRY_LOWER | COUNTRY_ISO;
                    }
                }
            }
        }
    }
    w.facts = facts;
    w.checks = checks;
    w
}

/// The DirectoryString CHOICE: PrintableString, UTF8String, TeletexString, BMPString,
/// UniversalString.
fn is_directory_string_type(t: u8) -> bool {
    matches!(
        t,
        tag::PRINTABLE_STRING | tag::UTF8_STRING | tag::TELETEX_STRING | tag::BMP_STRING | tag::UNIVERSAL_STRING
    )
}

/// The DirectoryString types kept for backward compatibility only.
fn is_legacy_string_type(t: u8) -> bool {
    matches!(t, tag::TELETEX_STRING | tag::BMP_STRING | tag::UNIVERSAL_STRING)
}

/// The first control character of an attribute value that decodes.
fn control_char(a: &AttributeTypeAndValue<'_>) -> Option<char> {
    a.decode()?.flatten().find(|c| c.is_control())
}

/// Whether the subject or the issuer may hold an attribute of type `oid` (see
/// [`Certificate::subject_may_have`]).
pub(crate) fn names_may_have(cert: &Certificate, oid: &ObjectIdentifier) -> bool {
    cert.subject_may_have(oid) || cert.issuer_may_have(oid)
}

/// Indexes in [`KNOWN_TYPES`].
pub(crate) mod ty {
    pub(crate) const COMMON_NAME: usize = 0;
    pub(crate) const SURNAME: usize = 1;
    pub(crate) const SERIAL_NUMBER: usize = 2;
    pub(crate) const COUNTRY: usize = 3;
    pub(crate) const LOCALITY: usize = 4;
    pub(crate) const STATE_OR_PROVINCE: usize = 5;
    pub(crate) const STREET_ADDRESS: usize = 6;
    pub(crate) const ORGANIZATION: usize = 7;
    pub(crate) const ORGANIZATIONAL_UNIT: usize = 8;
    pub(crate) const TITLE: usize = 9;
    pub(crate) const POSTAL_CODE: usize = 11;
    pub(crate) const GIVEN_NAME: usize = 13;
    pub(crate) const DN_QUALIFIER: usize = 16;
    pub(crate) const PSEUDONYM: usize = 17;
    pub(crate) const DOMAIN_COMPONENT: usize = 19;
    pub(crate) const EMAIL_ADDRESS: usize = 21;
}

/// The attribute types the name rules ask about: the 2.5.4.n ones first, then the others.
pub(crate) const KNOWN_TYPES: [&ObjectIdentifier; 25] = [
    &attr::COMMON_NAME,
    &attr::SURNAME,
    &attr::SERIAL_NUMBER,
    &attr::COUNTRY,
    &attr::LOCALITY,
    &attr::STATE_OR_PROVINCE,
    &attr::STREET_ADDRESS,
    &attr::ORGANIZATION,
    &attr::ORGANIZATIONAL_UNIT,
    &attr::TITLE,
    &attr::BUSINESS_CATEGORY,
    &attr::POSTAL_CODE,
    &attr::NAME,
    &attr::GIVEN_NAME,
    &attr::INITIALS,
    &attr::GENERATION_QUALIFIER,
    &attr::DN_QUALIFIER,
    &attr::PSEUDONYM,
    &attr::ORGANIZATION_IDENTIFIER,
    &attr::DOMAIN_COMPONENT,
    &attr::USER_ID,
    &attr::EMAIL_ADDRESS,
    &attr::JURISDICTION_LOCALITY,
    &attr::JURISDICTION_STATE_OR_PROVINCE,
    &attr::JURISDICTION_COUNTRY,
];

/// How many of the [`KNOWN_TYPES`] are 2.5.4.n.
const ARC_TYPES: usize = 19;

/// The index in [`KNOWN_TYPES`] of 2.5.4.n by n (< 128), or `u8::MAX`.
const ARC_INDEX: [u8; 128] = {
    let mut table = [u8::MAX; 128];
    let mut i = 0;
    while i < ARC_TYPES {
        // Evaluated at compile time: a misplaced type fails the build.
        #[allow(clippy::panic, clippy::indexing_slicing)]
        match KNOWN_TYPES[i].as_bytes() {
            [0x55, 0x04, n] if *n < 128 => table[*n as usize] = i as u8,
            _ => panic!("KNOWN_TYPES must start with the 2.5.4.n types"),
        }
        i += 1;
    }
    table
};

/// The index of an attribute type in [`KNOWN_TYPES`]: a table lookup for 2.5.4.n.
pub(crate) fn type_index(oid: &[u8]) -> Option<usize> {
    match oid {
        [0x55, 0x04, n] => ARC_INDEX.get(usize::from(*n)).filter(|&&i| i != u8::MAX).map(|&i| usize::from(i)),
        _ => KNOWN_TYPES.iter().skip(ARC_TYPES).position(|t| t.as_bytes() == oid).map(|i| i + ARC_TYPES),
    }
}

fn subject_only(cert: &Certificate) -> impl Iterator<Item = (&'static str, Name<'_>)> {
    cert.subject().ok().map(|n| ("subject", n)).into_iter()
}

fn issuer_only(cert: &Certificate) -> impl Iterator<Item = (&'static str, Name<'_>)> {
    cert.issuer().ok().map(|n| ("issuer", n)).into_iter()
}

fn tag_is(a: &AttributeTypeAndValue<'_>, want: u8) -> Option<alloc::string::String> {
    (a.tag != want).then(|| format!("{} is encoded as {}, not {}", label(a), tag::name(a.tag), tag::name(want)))
}

/// What is wrong with the shape of a Name element (RFC 5280 §4.1.2.4), if anything. Empty
/// RDNs are left to `rfc5280.rdn_empty`.
fn name_shape(t: &Tlv<'_>) -> Option<&'static str> {
    if t.tag != tag::SEQUENCE {
        return Some("is not a SEQUENCE (RDNSequence)");
    }
    for rdn in t.reader() {
        let Ok(rdn) = rdn else { return Some("cannot be framed as DER") };
        if rdn.tag != tag::SET {
            return Some("holds an RDN that is not a SET");
        }
        for atv in rdn.reader() {
            let Ok(atv) = atv else { return Some("holds an RDN that cannot be framed as DER") };
            if atv.tag != tag::SEQUENCE {
                return Some("holds an attribute that is not a SEQUENCE");
            }
            let mut r = atv.reader();
            let oid_ok = r.read().is_ok_and(|o| o.tag == tag::OID && crate::oid::Oid::new(o.value).is_some());
            if !oid_ok {
                return Some("holds an attribute without a valid type OID");
            }
            if r.read().is_err() || !r.is_empty() {
                return Some("holds an attribute that is not exactly one type and one value");
            }
        }
    }
    None
}

/// `rfc5280.name_not_rdn_sequence`
///
/// **What it checks**: issuer and subject are X.501 Names: a SEQUENCE of RDNs, each a SET
/// of SEQUENCEs holding an attribute type OID and one value.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 and §4.1.2.6 define both fields as `Name`
/// (RDNSequence); anything else cannot be compared for path building or displayed.
///
/// **Example**: a subject encoded as a UTF8String, or an RDN that is a SEQUENCE instead
/// of a SET, fails; `C=US, O=Example` passes.
pub struct NameNotRdnSequence;

impl Rule for NameNotRdnSequence {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.name_not_rdn_sequence", Source::Rfc5280, Severity::Error)
            .summary("issuer and subject must be RDNSequences of AttributeTypeAndValue")
            .citation("RFC 5280 §4.1.2.4, §4.1.2.6")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_subject_not_dn"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        // Decoding checked both names with `Name::parse`, which accepts no less than
        // `name_shape`: two names that decoded are two RDNSequences.
        if cert.issuer().is_ok() && cert.subject().is_ok() {
            return Outcome::Pass;
        }
        let tbs = raw::raw_tbs(cert);
        let fields =
            [("issuer", "tbsCertificate.issuer", tbs.issuer), ("subject", "tbsCertificate.subject", tbs.subject)];
        let mut applicable = false;
        for (name, path, t) in fields {
            let Some(t) = t else { continue };
            applicable = true;
            if let Some(why) = name_shape(&t) {
                return Outcome::fail_at(path, format!("{name} {why}"));
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.issuer_empty`
///
/// **What it checks**: the issuer name has at least one RDN.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 says the issuer field MUST contain a non-empty
/// distinguished name; path building matches it against the issuing CA's subject.
///
/// **Example**: an issuer encoded `30 00` fails; `CN=Example CA` passes.
pub struct IssuerEmpty;

impl Rule for IssuerEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.issuer_empty", Source::Rfc5280, Severity::Error)
            .summary("the issuer must be a non-empty distinguished name")
            .citation("RFC 5280 §4.1.2.4")
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_issuer_field_empty", "pkilint:pkix.name_empty"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.issuer() {
            Ok(n) => Outcome::check(!n.is_empty(), "the issuer name is empty"),
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.ca_subject_empty`
///
/// **What it checks**: a CA certificate's subject has at least one RDN.
///
/// **Why it matters**: RFC 5280 §4.1.2.6 says that when the subject is a CA the subject
/// field MUST be a non-empty distinguished name, matching the issuer field of the
/// certificates it issues.
///
/// **Example**: a CA certificate with subject `30 00` fails; `CN=Example CA` passes;
/// end-entity certificates are not applicable.
pub struct CaSubjectEmpty;

impl Rule for CaSubjectEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.ca_subject_empty", Source::Rfc5280, Severity::Error)
            .summary("a CA's subject must be a non-empty distinguished name")
            .citation("RFC 5280 §4.1.2.6")
            .scope(Scope::CA)
            .effective(Time::ymd(1999, 1, 1))
            .aliases(&["zlint:e_ca_subject_field_empty", "pkilint:pkix.name_empty"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.subject() {
            Ok(n) => Outcome::check(!n.is_empty(), "the subject of a CA certificate is empty"),
            Err(_) => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.crl_issuer_subject_empty`
///
/// **What it checks**: a certificate whose keyUsage asserts cRLSign has a non-empty
/// subject.
///
/// **Why it matters**: RFC 5280 §4.1.2.6 says that when the subject is a CRL issuer the
/// subject field MUST be a non-empty distinguished name, because CRLs name their issuer
/// by it.
///
/// **Example**: keyUsage `cRLSign` with subject `30 00` fails; with `CN=Example CRL
/// Signer` it passes; no cRLSign is not applicable.
pub struct CrlIssuerSubjectEmpty;

impl Rule for CrlIssuerSubjectEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.crl_issuer_subject_empty", Source::Rfc5280, Severity::Error)
            .summary("a CRL issuer's subject must be a non-empty distinguished name")
            .citation("RFC 5280 §4.1.2.6")
            .needs(Need::Extension(&ext::KEY_USAGE));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let crl_sign = matches!(cert.key_usage(), Some(Ok(ku)) if ku.value.has(KeyUsage::CRL_SIGN));
        match cert.subject() {
            Ok(n) if crl_sign => Outcome::check(!n.is_empty(), "keyUsage asserts cRLSign but the subject is empty"),
            _ => Outcome::NotApplicable,
        }
    }
}

/// `rfc5280.rdn_empty`
///
/// **What it checks**: every RDN of the issuer and subject holds at least one attribute.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 defines `RelativeDistinguishedName ::= SET SIZE
/// (1..MAX) OF AttributeTypeAndValue`; an empty SET breaks the size constraint and name
/// comparison.
///
/// **Example**: a subject `30 02 31 00` fails; `CN=example.com` passes.
pub struct RdnEmpty;

impl Rule for RdnEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.rdn_empty", Source::Rfc5280, Severity::Error)
            .summary("each RDN must contain at least one attribute")
            .citation("RFC 5280 §4.1.2.4");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        // Decoding rejects empty RDNs: two names that decoded are two SEQUENCEs without.
        if cert.issuer().is_ok() && cert.subject().is_ok() {
            return Outcome::Pass;
        }
        let tbs = raw::raw_tbs(cert);
        let mut applicable = false;
        for (name, t) in [("issuer", tbs.issuer), ("subject", tbs.subject)] {
            let Some(t) = t.filter(|t| t.tag == tag::SEQUENCE) else { continue };
            applicable = true;
            if t.reader().flatten().any(|rdn| rdn.tag == tag::SET && rdn.value.is_empty()) {
                return Outcome::fail(format!("the {name} contains an empty RDN"));
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.rdn_duplicate_attribute_type`
///
/// **What it checks**: no multi-valued RDN of the issuer or subject holds the same
/// attribute type twice.
///
/// **Why it matters**: X.501 §9.3 (referenced by RFC 5280 §4.1.2.4) requires the
/// attributes of one RDN to have distinct types; duplicates make the RDN ambiguous.
///
/// **Example**: an RDN `OU=a + OU=b` fails; `OU=a + CN=b` passes; names with single-valued
/// RDNs only are not applicable.
pub struct RdnDuplicateAttributeType;

impl Rule for RdnDuplicateAttributeType {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.rdn_duplicate_attribute_type", Source::Rfc5280, Severity::Error)
            .summary("an RDN must not contain the same attribute type twice")
            .citation("RFC 5280 §4.1.2.4; X.501 §9.3")
            .aliases(&["pkilint:pkix.rdn_contains_duplicate_attribute_types"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if name_checks(cert) & (check::SUBJECT_MULTI | check::ISSUER_MULTI) == 0 {
            return Outcome::NotApplicable;
        }
        let mut applicable = false;
        for (field, name) in both_names(cert) {
            for rdn in name.rdns().filter(|r| r.len() > 1) {
                applicable = true;
                for (i, a) in rdn.attributes().enumerate() {
                    if rdn.attributes().skip(i + 1).any(|b| b.oid == a.oid) {
                        return Outcome::fail(format!("{field} has an RDN with {} twice", label(&a)));
                    }
                }
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.attribute_value_empty`
///
/// **What it checks**: no attribute of a known string type (the DirectoryString
/// attributes, countryName, serialNumber, dnQualifier, emailAddress, domainComponent) in
/// the issuer or subject has an empty value.
///
/// **Why it matters**: RFC 5280 Appendix A bounds these syntaxes at `SIZE (1..ub-...)`;
/// an empty value is outside the type and says nothing.
///
/// **Example**: `O=""` fails; `O=Example` passes.
pub struct AttributeValueEmpty;

impl Rule for AttributeValueEmpty {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.attribute_value_empty", Source::Rfc5280, Severity::Error)
            .summary("name attribute values must not be empty")
            .citation("RFC 5280 §4.1.2.4, Appendix A");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if name_facts(cert) & name_fact::EMPTY == 0 {
            return Outcome::Pass;
        }
        let out = check_attrs(both_names(cert), is_known_string_attr, |a| {
            a.value.is_empty().then(|| format!("{} is empty", label(a)))
        });
        if out == Outcome::NotApplicable {
            Outcome::Pass
        } else {
            out
        }
    }
}

/// `rfc5280.directory_string_invalid_type`
///
/// **What it checks**: DirectoryString attributes (commonName, organizationName, ...) in
/// the issuer and subject use one of the DirectoryString types: PrintableString,
/// UTF8String, TeletexString, BMPString or UniversalString.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 and Appendix A define these attributes as
/// DirectoryString, a CHOICE of exactly those five types; an IA5String or VisibleString is
/// outside the syntax and breaks strict decoders.
///
/// **Example**: `CN` as an IA5String fails; as a UTF8String it passes; a name without
/// DirectoryString attributes is not applicable.
pub struct DirectoryStringInvalidType;

impl Rule for DirectoryStringInvalidType {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.directory_string_invalid_type", Source::Rfc5280, Severity::Error)
                .summary("DirectoryString attributes must use a DirectoryString type")
                .citation("RFC 5280 §4.1.2.4, Appendix A");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = name_facts(cert);
        if facts & name_fact::DS_BAD_TYPE == 0 {
            return clear(facts, name_fact::DS_ANY);
        }
        check_attrs(both_names(cert), is_directory_string_attr, |a| {
            (!is_directory_string_type(a.tag))
                .then(|| format!("{} is encoded as {}, not a DirectoryString type", label(a), tag::name(a.tag)))
        })
    }
}

/// `rfc5280.directory_string_legacy_type`
///
/// **What it checks**: DirectoryString attributes of the subject use PrintableString or
/// UTF8String rather than TeletexString, BMPString or UniversalString.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 asks CAs to use PrintableString or UTF8String,
/// and §4.1.2.6 says the other three exist for backward compatibility and SHOULD NOT be
/// used for new subjects (they remain allowed for names established earlier, hence a
/// warning).
///
/// **Example**: `O` as a BMPString warns; as a UTF8String it passes; a subject without
/// DirectoryString attributes is not applicable. The issuer is judged on the issuing CA's
/// own subject.
pub struct DirectoryStringLegacyType;

impl Rule for DirectoryStringLegacyType {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.directory_string_legacy_type", Source::Rfc5280, Severity::Warn)
            .summary("subject DirectoryStrings should be PrintableString or UTF8String")
            .citation("RFC 5280 §4.1.2.4, §4.1.2.6");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = name_facts(cert);
        if facts & name_fact::DS_LEGACY == 0 {
            return clear(facts, name_fact::DS_SUBJECT);
        }
        check_attrs(subject_only(cert), is_directory_string_attr, |a| {
            is_legacy_string_type(a.tag).then(|| format!("{} uses the legacy {}", label(a), tag::name(a.tag)))
        })
    }
}

/// `rfc5280.subject_country_not_printable_string`
///
/// **What it checks**: countryName in the subject is a PrintableString.
///
/// **Why it matters**: RFC 5280 Appendix A defines `X520countryName ::= PrintableString
/// (SIZE (2))`; other encodings break name matching.
///
/// **Example**: `C=US` as a UTF8String fails; as a PrintableString it passes; a subject
/// without countryName is not applicable.
pub struct SubjectCountryNotPrintableString;

impl Rule for SubjectCountryNotPrintableString {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.subject_country_not_printable_string", Source::Rfc5280, Severity::Error)
                .summary("the subject countryName must be a PrintableString")
                .citation("RFC 5280 Appendix A")
                .needs(Need::SubjectAttribute(&attr::COUNTRY))
                .aliases(&["zlint:e_subject_dn_country_not_printable_string"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.subject_may_have(&attr::COUNTRY) {
            return Outcome::NotApplicable;
        }
        if name_checks(cert) & check::SUBJECT_COUNTRY_TAG == 0 {
            return Outcome::Pass;
        }
        check_attrs(subject_only(cert), |a| a.oid.is(&attr::COUNTRY), |a| tag_is(a, tag::PRINTABLE_STRING))
    }
}

/// `rfc5280.issuer_country_not_printable_string`
///
/// **What it checks**: countryName in the issuer is a PrintableString.
///
/// **Why it matters**: RFC 5280 Appendix A defines `X520countryName ::= PrintableString
/// (SIZE (2))`; the issuer must also match the issuing CA's subject byte for byte.
///
/// **Example**: issuer `C=US` as a UTF8String fails; as a PrintableString it passes; an
/// issuer without countryName is not applicable.
pub struct IssuerCountryNotPrintableString;

impl Rule for IssuerCountryNotPrintableString {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.issuer_country_not_printable_string", Source::Rfc5280, Severity::Error)
                .summary("the issuer countryName must be a PrintableString")
                .citation("RFC 5280 Appendix A")
                .needs(Need::IssuerAttribute(&attr::COUNTRY))
                .aliases(&["zlint:e_issuer_dn_country_not_printable_string"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.issuer_may_have(&attr::COUNTRY) {
            return Outcome::NotApplicable;
        }
        if name_checks(cert) & check::ISSUER_COUNTRY_TAG == 0 {
            return Outcome::Pass;
        }
        check_attrs(issuer_only(cert), |a| a.oid.is(&attr::COUNTRY), |a| tag_is(a, tag::PRINTABLE_STRING))
    }
}

/// `rfc5280.country_not_two_letters`
///
/// **What it checks**: every countryName in the issuer and subject is exactly two
/// characters.
///
/// **Why it matters**: RFC 5280 Appendix A fixes `X520countryName` at `SIZE (2)` (an ISO
/// 3166 alpha-2 code).
///
/// **Example**: `C=USA` fails; `C=US` passes; names without countryName are not
/// applicable.
pub struct CountryNotTwoLetters;

impl Rule for CountryNotTwoLetters {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.country_not_two_letters", Source::Rfc5280, Severity::Error)
            .summary("countryName must be exactly two characters")
            .citation("RFC 5280 Appendix A (X520countryName)");
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let facts = name_facts(cert);
        if facts & name_fact::COUNTRY_BAD == 0 {
            return clear(facts, name_fact::COUNTRY);
        }
        check_attrs(
            both_names(cert),
            |a| a.oid.is(&attr::COUNTRY),
            |a| (char_len(a) != 2).then(|| format!("countryName \"{}\" is not two characters", text(a))),
        )
    }
}

/// `rfc5280.subject_serial_number_not_printable_string`
///
/// **What it checks**: the subject serialNumber attribute is a PrintableString.
///
/// **Why it matters**: RFC 5280 Appendix A defines `X520SerialNumber ::= PrintableString
/// (SIZE (1..ub-serial-number))`.
///
/// **Example**: `serialNumber` as a UTF8String fails; as a PrintableString it passes; a
/// subject without serialNumber is not applicable.
pub struct SubjectSerialNumberNotPrintableString;

impl Rule for SubjectSerialNumberNotPrintableString {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.subject_serial_number_not_printable_string", Source::Rfc5280, Severity::Error)
                .summary("the subject serialNumber attribute must be a PrintableString")
                .citation("RFC 5280 Appendix A")
                .needs(Need::SubjectAttribute(&attr::SERIAL_NUMBER))
                .aliases(&["zlint:e_subject_dn_serial_number_not_printable_string"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !cert.subject_may_have(&attr::SERIAL_NUMBER) {
            return Outcome::NotApplicable;
        }
        if name_checks(cert) & check::SERIAL_TAG == 0 {
            return Outcome::Pass;
        }
        check_attrs(subject_only(cert), |a| a.oid.is(&attr::SERIAL_NUMBER), |a| tag_is(a, tag::PRINTABLE_STRING))
    }
}

/// `rfc5280.dn_qualifier_not_printable_string`
///
/// **What it checks**: every dnQualifier attribute in the issuer and subject is a
/// PrintableString.
///
/// **Why it matters**: RFC 5280 Appendix A defines `X520dnQualifier ::= PrintableString`
/// (and §4.1.2.4 lists dnQualifier among the attributes implementations must handle).
///
/// **Example**: `dnQualifier` as a UTF8String fails; as a PrintableString it passes; names
/// without dnQualifier are not applicable.
pub struct DnQualifierNotPrintableString;

impl Rule for DnQualifierNotPrintableString {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.dn_qualifier_not_printable_string", Source::Rfc5280, Severity::Error)
                .summary("dnQualifier must be a PrintableString")
                .citation("RFC 5280 §4.1.2.4, Appendix A")
                .needs(Need::AnyOf(&[
                    Need::SubjectAttribute(&attr::DN_QUALIFIER),
                    Need::IssuerAttribute(&attr::DN_QUALIFIER),
                ]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !names_may_have(cert, &attr::DN_QUALIFIER) {
            return Outcome::NotApplicable;
        }
        if name_checks(cert) & check::DN_QUALIFIER_TAG == 0 {
            return Outcome::Pass;
        }
        check_attrs(both_names(cert), |a| a.oid.is(&attr::DN_QUALIFIER), |a| tag_is(a, tag::PRINTABLE_STRING))
    }
}

/// Fails when a subject attribute of `oid` is longer than `max` characters.
fn subject_bound(cert: &Certificate, oid: &ObjectIdentifier, max: usize) -> Outcome {
    // Exact for these types (all `KNOWN_TYPES`): present, and none too long, passes.
    if !cert.subject_may_have(oid) {
        return Outcome::NotApplicable;
    }
    if name_checks(cert) & check::BOUND == 0 {
        return Outcome::Pass;
    }
    check_attrs(
        subject_only(cert),
        |a| a.oid.is(oid),
        |a| {
            let n = char_len(a);
            (n > max).then(|| format!("{} is {n} characters long (limit {max})", label(a)))
        },
    )
}

/// A rule of [`subject_bound`] for the subject attribute `$oid`. Its metadata declares
/// that attribute as its need: [`subject_bound`] is not applicable to a subject without it.
macro_rules! upper_bound_rule {
    ($(#[$doc:meta])* $ty:ident, $oid:expr, $max:expr, $meta:expr) => {
        $(#[$doc])*
        pub struct $ty;

        impl Rule for $ty {
            fn meta(&self) -> &'static RuleMeta {
                static META: RuleMeta = $meta.needs(Need::SubjectAttribute(&$oid));
                &META
            }

            fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
                subject_bound(cert, &$oid, $max)
            }
        }
    };
}

upper_bound_rule!(
    /// `rfc5280.subject_serial_number_too_long`
    ///
    /// **What it checks**: subject serialNumber values are at most 64 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520SerialNumber by
    /// `ub-serial-number` = 64.
    ///
    /// **Example**: a 65-character serialNumber fails; 64 characters pass; no
    /// serialNumber is not applicable.
    SubjectSerialNumberTooLong,
    attr::SERIAL_NUMBER,
    64,
    RuleMeta::new("rfc5280.subject_serial_number_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject serialNumber must be at most 64 characters")
        .citation("RFC 5280 Appendix A (ub-serial-number)")
        .aliases(&["zlint:e_subject_dn_serial_number_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_common_name_too_long`
    ///
    /// **What it checks**: subject commonName values are at most 64 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520CommonName by `ub-common-name`
    /// = 64; longer values overflow fixed-size fields and are rejected by strict parsers.
    ///
    /// **Example**: a 65-character CN fails; 64 characters pass; no CN is not applicable.
    SubjectCommonNameTooLong,
    attr::COMMON_NAME,
    64,
    RuleMeta::new("rfc5280.subject_common_name_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject commonName must be at most 64 characters")
        .citation("RFC 5280 Appendix A (ub-common-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_common_name_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_email_address_too_long`
    ///
    /// **What it checks**: subject emailAddress values are at most 255 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A defines `EmailAddress ::= IA5String (SIZE
    /// (1..ub-emailaddress-length))` with the bound 255.
    ///
    /// **Example**: a 256-character emailAddress fails; 255 characters pass; none is not
    /// applicable.
    SubjectEmailAddressTooLong,
    attr::EMAIL_ADDRESS,
    255,
    RuleMeta::new("rfc5280.subject_email_address_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject emailAddress must be at most 255 characters")
        .citation("RFC 5280 Appendix A (ub-emailaddress-length)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_email_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_given_name_too_long`
    ///
    /// **What it checks**: subject givenName values are at most 32768 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520name (givenName) by `ub-name` =
    /// 32768.
    ///
    /// **Example**: a 32769-character givenName fails; shorter ones pass; none is not
    /// applicable.
    SubjectGivenNameTooLong,
    attr::GIVEN_NAME,
    32768,
    RuleMeta::new("rfc5280.subject_given_name_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject givenName must be at most 32768 characters")
        .citation("RFC 5280 Appendix A (ub-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_given_name_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_surname_too_long`
    ///
    /// **What it checks**: subject surname values are at most 32768 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520name (surname) by `ub-name` =
    /// 32768.
    ///
    /// **Example**: a 32769-character surname fails; shorter ones pass; none is not
    /// applicable.
    SubjectSurnameTooLong,
    attr::SURNAME,
    32768,
    RuleMeta::new("rfc5280.subject_surname_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject surname must be at most 32768 characters")
        .citation("RFC 5280 Appendix A (ub-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_surname_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_locality_name_too_long`
    ///
    /// **What it checks**: subject localityName values are at most 128 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520LocalityName by
    /// `ub-locality-name` = 128.
    ///
    /// **Example**: a 129-character L fails; 128 characters pass; none is not applicable.
    SubjectLocalityNameTooLong,
    attr::LOCALITY,
    128,
    RuleMeta::new("rfc5280.subject_locality_name_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject localityName must be at most 128 characters")
        .citation("RFC 5280 Appendix A (ub-locality-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_locality_name_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_state_name_too_long`
    ///
    /// **What it checks**: subject stateOrProvinceName values are at most 128 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520StateOrProvinceName by
    /// `ub-state-name` = 128.
    ///
    /// **Example**: a 129-character ST fails; 128 characters pass; none is not applicable.
    SubjectStateNameTooLong,
    attr::STATE_OR_PROVINCE,
    128,
    RuleMeta::new("rfc5280.subject_state_name_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject stateOrProvinceName must be at most 128 characters")
        .citation("RFC 5280 Appendix A (ub-state-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_state_name_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_organization_name_too_long`
    ///
    /// **What it checks**: subject organizationName values are at most 64 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520OrganizationName by
    /// `ub-organization-name` = 64.
    ///
    /// **Example**: a 65-character O fails; 64 characters pass; none is not applicable.
    SubjectOrganizationNameTooLong,
    attr::ORGANIZATION,
    64,
    RuleMeta::new("rfc5280.subject_organization_name_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject organizationName must be at most 64 characters")
        .citation("RFC 5280 Appendix A (ub-organization-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_organization_name_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_organizational_unit_name_too_long`
    ///
    /// **What it checks**: subject organizationalUnitName values are at most 64
    /// characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520OrganizationalUnitName by
    /// `ub-organizational-unit-name` = 64.
    ///
    /// **Example**: a 65-character OU fails; 64 characters pass; none is not applicable.
    SubjectOrganizationalUnitNameTooLong,
    attr::ORGANIZATIONAL_UNIT,
    64,
    RuleMeta::new("rfc5280.subject_organizational_unit_name_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject organizationalUnitName must be at most 64 characters")
        .citation("RFC 5280 Appendix A (ub-organizational-unit-name)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_organizational_unit_name_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_postal_code_too_long`
    ///
    /// **What it checks**: subject postalCode values are at most 40 characters.
    ///
    /// **Why it matters**: X.520's upper bounds (`ub-postal-code` = 40), which RFC 5280
    /// Appendix A defers to for attributes it does not define itself, limit postalCode.
    ///
    /// **Example**: a 41-character postalCode fails; 40 characters pass; none is not
    /// applicable.
    SubjectPostalCodeTooLong,
    attr::POSTAL_CODE,
    40,
    RuleMeta::new("rfc5280.subject_postal_code_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject postalCode must be at most 40 characters")
        .citation("RFC 5280 Appendix A; ITU-T X.520 upper bounds (ub-postal-code)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_postal_code_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_street_address_too_long`
    ///
    /// **What it checks**: subject streetAddress values are at most 128 characters.
    ///
    /// **Why it matters**: X.520's upper bounds (`ub-street-address` = 128), which RFC
    /// 5280 Appendix A defers to, limit streetAddress.
    ///
    /// **Example**: a 129-character street fails; 128 characters pass; none is not
    /// applicable.
    SubjectStreetAddressTooLong,
    attr::STREET_ADDRESS,
    128,
    RuleMeta::new("rfc5280.subject_street_address_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject streetAddress must be at most 128 characters")
        .citation("RFC 5280 Appendix A; ITU-T X.520 upper bounds (ub-street-address)")
        .effective(Time::ymd(1999, 1, 1))
        .aliases(&["zlint:e_subject_street_address_max_length"])
);

upper_bound_rule!(
    /// `rfc5280.subject_title_too_long`
    ///
    /// **What it checks**: subject title values are at most 64 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520Title by `ub-title` = 64.
    ///
    /// **Example**: a 65-character title fails; 64 characters pass; none is not
    /// applicable.
    SubjectTitleTooLong,
    attr::TITLE,
    64,
    RuleMeta::new("rfc5280.subject_title_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject title must be at most 64 characters")
        .citation("RFC 5280 Appendix A (ub-title)")
);

upper_bound_rule!(
    /// `rfc5280.subject_pseudonym_too_long`
    ///
    /// **What it checks**: subject pseudonym values are at most 128 characters.
    ///
    /// **Why it matters**: RFC 5280 Appendix A bounds X520Pseudonym by `ub-pseudonym` =
    /// 128.
    ///
    /// **Example**: a 129-character pseudonym fails; 128 characters pass; none is not
    /// applicable.
    SubjectPseudonymTooLong,
    attr::PSEUDONYM,
    128,
    RuleMeta::new("rfc5280.subject_pseudonym_too_long", Source::Rfc5280, Severity::Error)
        .summary("the subject pseudonym must be at most 128 characters")
        .citation("RFC 5280 Appendix A (ub-pseudonym)")
);

/// Warns when a subject attribute is longer than a recommended bound but within the hard
/// one (longer values are the hard bound's rule's business).
fn recommended_bound(cert: &Certificate, oid: &ObjectIdentifier, recommended: usize, hard: usize) -> Outcome {
    if !cert.subject_may_have(oid) {
        return Outcome::NotApplicable;
    }
    if name_checks(cert) & check::RECOMMENDED == 0 {
        return Outcome::Pass;
    }
    check_attrs(
        subject_only(cert),
        |a| a.oid.is(oid),
        |a| {
            let n = char_len(a);
            (n > recommended && n <= hard)
                .then(|| format!("{} is {n} characters long (recommended at most {recommended})", label(a)))
        },
    )
}

/// `rfc5280.subject_given_name_over_recommended_length`
///
/// **What it checks**: subject givenName values are at most 16 characters.
///
/// **Why it matters**: X.411 Annex B (`ub-given-name-length` = 16), carried into RFC 5280
/// Appendix A's upper bounds, is the length older software allocates; longer given names
/// are legal in X.520 but may be truncated.
///
/// **Example**: a 17-character givenName warns; 16 characters pass; none is not
/// applicable.
pub struct SubjectGivenNameOverRecommendedLength;

impl Rule for SubjectGivenNameOverRecommendedLength {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.subject_given_name_over_recommended_length", Source::Rfc5280, Severity::Warn)
                .summary("the subject givenName should be at most 16 characters")
                .citation("ITU-T X.411 Annex B (ub-given-name-length), RFC 5280 Appendix A")
                .effective(Time::ymd(1999, 1, 1))
                .needs(Need::SubjectAttribute(&attr::GIVEN_NAME))
                .aliases(&["zlint:w_subject_given_name_recommended_max_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        recommended_bound(cert, &attr::GIVEN_NAME, 16, 32768)
    }
}

/// `rfc5280.subject_surname_over_recommended_length`
///
/// **What it checks**: subject surname values are at most 40 characters.
///
/// **Why it matters**: X.411 Annex B (`ub-surname-length` = 40), carried into RFC 5280
/// Appendix A's upper bounds, is the length older software allocates.
///
/// **Example**: a 41-character surname warns; 40 characters pass; none is not
/// applicable.
pub struct SubjectSurnameOverRecommendedLength;

impl Rule for SubjectSurnameOverRecommendedLength {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.subject_surname_over_recommended_length", Source::Rfc5280, Severity::Warn)
                .summary("the subject surname should be at most 40 characters")
                .citation("ITU-T X.411 Annex B (ub-surname-length), RFC 5280 Appendix A")
                .effective(Time::ymd(1999, 1, 1))
                .needs(Need::SubjectAttribute(&attr::SURNAME))
                .aliases(&["zlint:w_subject_surname_recommended_max_length"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        recommended_bound(cert, &attr::SURNAME, 40, 32768)
    }
}

/// `rfc5280.subject_value_control_characters`
///
/// **What it checks**: no subject attribute value contains a C0 or C1 control character
/// (U+0000-U+001F, U+007F-U+009F).
///
/// **Why it matters**: subject attributes are display text (RFC 5280 §4.1.2.6, Appendix
/// A); control characters (NUL, newline, escape) truncate or forge what people and logs
/// see.
///
/// **Example**: `CN=example.com\0.evil.com` fails; `CN=example.com` passes.
pub struct SubjectValueControlCharacters;

impl Rule for SubjectValueControlCharacters {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.subject_value_control_characters", Source::Rfc5280, Severity::Error)
                .summary("subject attribute values must not contain control characters")
                .citation("RFC 5280 Appendix A; §4.1.2.6")
                .aliases(&["zlint:e_subject_dn_not_printable_characters"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if name_facts(cert) & name_fact::CONTROL == 0 {
            return if cert.subject().is_ok() { Outcome::Pass } else { Outcome::NotApplicable };
        }
        let out = check_attrs(
            subject_only(cert),
            |_| true,
            |a| {
                let c = control_char(a)?;
                Some(format!("{} contains the control character U+{:04X}", label(a), u32::from(c)))
            },
        );
        match out {
            Outcome::NotApplicable if cert.subject().is_ok() => Outcome::Pass,
            o => o,
        }
    }
}

/// `rfc5280.email_address_attribute_not_ia5string`
///
/// **What it checks**: the legacy emailAddress attribute in the issuer and subject is an
/// IA5String.
///
/// **Why it matters**: RFC 5280 Appendix A defines `EmailAddress ::= IA5String (SIZE
/// (1..ub-emailaddress-length))`, and §4.1.2.6 keeps the attribute only for legacy
/// software, which expects that type.
///
/// **Example**: emailAddress as a UTF8String fails; as an IA5String it passes; names
/// without emailAddress are not applicable.
pub struct EmailAddressAttributeNotIa5string;

impl Rule for EmailAddressAttributeNotIa5string {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.email_address_attribute_not_ia5string", Source::Rfc5280, Severity::Error)
                .summary("the emailAddress attribute must be an IA5String")
                .citation("RFC 5280 §4.1.2.6, Appendix A")
                .needs(Need::AnyOf(&[
                    Need::SubjectAttribute(&attr::EMAIL_ADDRESS),
                    Need::IssuerAttribute(&attr::EMAIL_ADDRESS),
                ]));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !names_may_have(cert, &attr::EMAIL_ADDRESS) {
            return Outcome::NotApplicable;
        }
        if name_checks(cert) & check::EMAIL_TAG == 0 {
            return Outcome::Pass;
        }
        check_attrs(both_names(cert), |a| a.oid.is(&attr::EMAIL_ADDRESS), |a| tag_is(a, tag::IA5_STRING))
    }
}

/// `rfc5280.domain_component_not_ia5string`
///
/// **What it checks**: domainComponent attributes in the issuer and subject are
/// IA5Strings.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 (with RFC 4519 §2.4) defines domainComponent as
/// an IA5String holding one DNS label.
///
/// **Example**: `DC=com` as a UTF8String fails; as an IA5String it passes; names without
/// domainComponent are not applicable.
pub struct DomainComponentNotIa5string;

impl Rule for DomainComponentNotIa5string {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("rfc5280.domain_component_not_ia5string", Source::Rfc5280, Severity::Error)
                .summary("domainComponent must be an IA5String")
                .citation("RFC 5280 §4.1.2.4; RFC 4519 §2.4")
                .needs(Need::AnyOf(DC_IN_NAMES));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !names_may_have(cert, &attr::DOMAIN_COMPONENT) {
            return Outcome::NotApplicable;
        }
        if name_checks(cert) & check::DC_TAG == 0 {
            return Outcome::Pass;
        }
        check_attrs(both_names(cert), |a| a.oid.is(&attr::DOMAIN_COMPONENT), |a| tag_is(a, tag::IA5_STRING))
    }
}

/// What is wrong with one domainComponent label, if anything.
fn dc_label_defect(v: &[u8]) -> Option<alloc::string::String> {
    if v.is_empty() {
        return Some("is empty".into());
    }
    if v.contains(&b'.') {
        return Some("holds more than one label".into());
    }
    if v.len() > crate::domain::MAX_LABEL_LEN {
        return Some(format!("is {} octets long (limit 63)", v.len()));
    }
    if !v.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-') || v.first() == Some(&b'-') || v.last() == Some(&b'-')
    {
        return Some("is not an LDH label".into());
    }
    let label = core::str::from_utf8(v).ok()?;
    crate::domain::idna::check_label(label).err().map(|e| format!("is not a valid label: {e}"))
}

/// `rfc5280.domain_components_invalid`
///
/// **What it checks**: each domainComponent in the issuer and subject is one DNS label
/// (letters, digits, hyphens, not starting or ending with a hyphen, 1-63 octets, a valid
/// A-label when it starts with `xn--`), and together the labels of a name form a domain
/// name of at most 253 octets.
///
/// **Why it matters**: RFC 5280 §4.1.2.4 says each domainComponent represents a single
/// label of a domain name, and RFC 9549 §2.4 requires IDN labels to be A-labels; anything
/// else cannot be mapped back to the DNS.
///
/// **Example**: `DC=example.com` (two labels in one) or `DC=-bad` fails; `DC=example,
/// DC=com` passes; names without domainComponent are not applicable.
pub struct DomainComponentsInvalid;

impl Rule for DomainComponentsInvalid {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.domain_components_invalid", Source::Rfc5280, Severity::Error)
            .summary("domainComponent values must be DNS labels forming a domain name")
            .citation("RFC 5280 §4.1.2.4; RFC 9549 §2.4")
            .needs(Need::AnyOf(DC_IN_NAMES))
            .aliases(&["pkilint:pkix.name_domain_components_invalid_domain_name"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if !names_may_have(cert, &attr::DOMAIN_COMPONENT) {
            return Outcome::NotApplicable;
        }
        let mut applicable = false;
        for (field, name) in both_names(cert) {
            let mut total = 0usize;
            let mut count = 0usize;
            for a in name.attributes_of(&attr::DOMAIN_COMPONENT) {
                applicable = true;
                if let Some(why) = dc_label_defect(a.value) {
                    return Outcome::fail(format!("{field} domainComponent \"{}\" {why}", text(&a)));
                }
                total += a.value.len();
                count += 1;
            }
            let len = total + count.saturating_sub(1);
            if len > crate::domain::MAX_NAME_LEN {
                return Outcome::fail(format!("{field} domainComponents form a {len}-octet domain name (limit 253)"));
            }
        }
        if applicable {
            Outcome::Pass
        } else {
            Outcome::NotApplicable
        }
    }
}

/// `rfc5280.subject_email_not_in_san`
///
/// **What it checks**: every subject emailAddress value also appears, compared case
/// insensitively, as an rfc822Name in subjectAltName.
///
/// **Why it matters**: RFC 5280 §4.1.2.6 says new certificates MUST carry email addresses
/// as rfc822Name in subjectAltName (§4.2.1.6); the emailAddress attribute is tolerated
/// only as a legacy duplicate.
///
/// **Example**: subject `emailAddress=a@example.com` without a SAN, or with a SAN that
/// lacks it, fails; with `rfc822Name: a@example.com` it passes; a subject without
/// emailAddress is not applicable.
pub struct SubjectEmailNotInSan;

impl Rule for SubjectEmailNotInSan {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("rfc5280.subject_email_not_in_san", Source::Rfc5280, Severity::Error)
            .summary("subject email addresses must also appear as rfc822Name in subjectAltName")
            .citation("RFC 5280 §4.1.2.6, §4.2.1.6")
            .effective(Time::ymd(1999, 1, 1))
            .needs(Need::SubjectAttribute(&attr::EMAIL_ADDRESS))
            .aliases(&["zlint:e_subj_email_not_in_san", "pkilint:pkix.subject_email_address_not_in_san"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        // Without an emailAddress the rule is not applicable, whatever the SAN holds.
        if !cert.subject_may_have(&attr::EMAIL_ADDRESS) {
            return Outcome::NotApplicable;
        }
        let san = match cert.subject_alt_name() {
            Some(Ok(s)) => Some(s.value),
            Some(Err(_)) => return Outcome::NotApplicable,
            None => None,
        };
        check_attrs(
            subject_only(cert),
            |a| a.oid.is(&attr::EMAIL_ADDRESS),
            |a| {
                let found = san.is_some_and(|s| {
                    s.iter().any(|g| matches!(g, Ok(GeneralName::Rfc822Name(m)) if m.eq_ignore_ascii_case(a.value)))
                });
                (!found).then(|| format!("emailAddress \"{}\" is not an rfc822Name in subjectAltName", text(a)))
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;
    use alloc::string::String;

    fn subj(attrs: &[(&ObjectIdentifier, u8, &str)]) -> CertBuilder {
        CertBuilder::leaf().subject(attrs)
    }

    #[test]
    fn name_facts_match_the_rules_predicates() {
        use name_fact::*;
        let facts = |b: &CertBuilder| name_facts(&b.build());
        // The default leaf: DirectoryStrings of allowed modern types, a two-letter country.
        let f = facts(&CertBuilder::leaf());
        assert_eq!(f & (DS_BAD_TYPE | DS_LEGACY | EMPTY | CONTROL | COUNTRY_BAD), 0);
        assert_eq!(f & (DS_ANY | DS_SUBJECT), DS_ANY | DS_SUBJECT);
        assert_eq!(facts(&subj(&[(&attr::COMMON_NAME, tag::IA5_STRING, "a")])) & DS_BAD_TYPE, DS_BAD_TYPE);
        assert_eq!(facts(&subj(&[(&attr::ORGANIZATION, tag::BMP_STRING, "\0a")])) & DS_LEGACY, DS_LEGACY);
        assert_eq!(facts(&subj(&[(&attr::ORGANIZATION, tag::UTF8_STRING, "")])) & EMPTY, EMPTY);
        assert_eq!(facts(&subj(&[(&attr::ORGANIZATION, tag::UTF8_STRING, "a\u{7}")])) & CONTROL, CONTROL);
        assert_eq!(facts(&subj(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "DEU")])) & COUNTRY_BAD, COUNTRY_BAD);
        // Legacy types and control characters count in the subject only.
        assert_eq!(facts(&issuer(&[(&attr::ORGANIZATION, tag::BMP_STRING, "\0a")])) & DS_LEGACY, 0);
        assert_eq!(facts(&issuer(&[(&attr::ORGANIZATION, tag::UTF8_STRING, "a\u{7}")])) & CONTROL, 0);
        assert_eq!(facts(&issuer(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "D")])) & COUNTRY_BAD, COUNTRY_BAD);
        // Cached: a clone carries it.
        let cert = subj(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "DEU")]).build();
        assert_eq!(name_facts(&cert.clone()), name_facts(&cert));
        assert_eq!(cert.facts.names.get_or(|| 0), name_facts(&cert));
    }

    /// The rules answer alike whether they trust [`name_checks`] or walk (with every bit
    /// forced on), and the exact bits are set exactly when their rules fail.
    #[test]
    fn name_checks_agree_with_the_rules() {
        use crate::rules::{cabf_br::subject as br, cabf_ev::subject as ev, community::subject as cm};
        use alloc::{vec, vec::Vec};
        use check::*;
        const U: u8 = tag::UTF8_STRING;
        const P: u8 = tag::PRINTABLE_STRING;
        const I: u8 = tag::IA5_STRING;
        let (l65, l129, l41) = ("x".repeat(65), "y".repeat(129), "9".repeat(41));
        let (g17, s41, e256) = ("g".repeat(17), "s".repeat(41), "e".repeat(256));
        let bmp = "\0O\0r\0g";
        let subjects: Vec<Vec<(&ObjectIdentifier, u8, &str)>> = vec![
            vec![],
            vec![
                (&attr::COUNTRY, P, "US"),
                (&attr::ORGANIZATION, U, "Example"),
                (&attr::COMMON_NAME, U, "example.com"),
            ],
            vec![(&attr::COMMON_NAME, U, &l65)],
            vec![(&attr::LOCALITY, U, &l129), (&attr::GIVEN_NAME, U, &g17), (&attr::SURNAME, U, &s41)],
            vec![(&attr::GIVEN_NAME, U, "Ann"), (&attr::SURNAME, U, "Lee")],
            vec![(&attr::COUNTRY, U, "us"), (&attr::SERIAL_NUMBER, U, "123")],
            vec![(&attr::COUNTRY, P, "UK"), (&attr::STATE_OR_PROVINCE, U, "Cali\nfornia")],
            vec![(&attr::COUNTRY, P, "USA"), (&attr::STATE_OR_PROVINCE, U, "Bayern\u{85}")],
            vec![(&attr::COMMON_NAME, U, "a"), (&attr::COUNTRY, P, "DE")],
            vec![(&attr::ORGANIZATION, U, "A"), (&attr::ORGANIZATION, U, "B")],
            vec![(&attr::COMMON_NAME, U, "x"), (&attr::COMMON_NAME, U, "y")],
            vec![(&attr::STREET_ADDRESS, U, "1"), (&attr::STREET_ADDRESS, U, "2")],
            vec![(&attr::ORGANIZATION, U, "n/a"), (&attr::ORGANIZATIONAL_UNIT, U, "-")],
            vec![(&attr::ORGANIZATION, U, "Smith &amp; Sons"), (&attr::LOCALITY, U, "SociÃ©tÃ©")],
            vec![(&attr::ORGANIZATION, U, "AT&T"), (&attr::LOCALITY, U, "München")],
            vec![(&attr::ORGANIZATION, U, " padded"), (&attr::COMMON_NAME, U, "end\t")],
            vec![(&attr::ORGANIZATION, tag::BMP_STRING, bmp), (&attr::COMMON_NAME, I, "x")],
            vec![(&attr::ORGANIZATION, tag::TELETEX_STRING, "Caf\u{e9}"), (&attr::COUNTRY, tag::BMP_STRING, "\0D\0E")],
            vec![
                (&attr::EMAIL_ADDRESS, U, "a@b.c"),
                (&attr::DOMAIN_COMPONENT, U, "com"),
                (&attr::DN_QUALIFIER, U, "q"),
            ],
            vec![
                (&attr::EMAIL_ADDRESS, I, "a@b.c"),
                (&attr::DOMAIN_COMPONENT, I, "com"),
                (&attr::DN_QUALIFIER, P, "q"),
                (&attr::POSTAL_CODE, U, &l41),
            ],
            vec![(&attr::JURISDICTION_COUNTRY, P, "DE"), (&attr::TITLE, U, &l65), (&attr::PSEUDONYM, U, &l129)],
            vec![
                (&attr::BUSINESS_CATEGORY, U, "Private Organization"),
                (&attr::USER_ID, U, "u"),
                (&attr::USER_ID, U, "v"),
            ],
            vec![(&attr::ORGANIZATION, U, ""), (&attr::SERIAL_NUMBER, P, &l65), (&attr::EMAIL_ADDRESS, I, &e256)],
        ];
        let mut builders: Vec<CertBuilder> = subjects.iter().map(|s| subj(s)).collect();
        builders.push(issuer(&[(&attr::COUNTRY, U, "us"), (&attr::ORGANIZATION, U, "Example ")]));
        builders.push(issuer(&[(&attr::DN_QUALIFIER, U, "q"), (&attr::EMAIL_ADDRESS, U, "a@b.c")]));
        let multi = seq(&[
            &set(&[&seq(&[&oid(&attr::COUNTRY), &tlv(P, b"US")])]),
            &set(&[
                &seq(&[&oid(&attr::ORGANIZATION), &tlv(U, b"O")]),
                &seq(&[&oid(&attr::COMMON_NAME), &tlv(U, b"CN")]),
            ]),
        ]);
        let mut b = CertBuilder::leaf();
        b.subject = multi.clone();
        builders.push(b);
        let mut b = CertBuilder::leaf();
        b.issuer = multi;
        builders.push(b.not_before(Time::ymd(2020, 1, 1)));
        builders.push(
            subj(&[(&attr::COMMON_NAME, U, "x"), (&attr::COMMON_NAME, U, "y")]).not_before(Time::ymd(2020, 1, 1)),
        );

        let bounds: &[&dyn Rule] = &[
            &SubjectSerialNumberTooLong,
            &SubjectCommonNameTooLong,
            &SubjectEmailAddressTooLong,
            &SubjectGivenNameTooLong,
            &SubjectSurnameTooLong,
            &SubjectLocalityNameTooLong,
            &SubjectStateNameTooLong,
            &SubjectOrganizationNameTooLong,
            &SubjectOrganizationalUnitNameTooLong,
            &SubjectPostalCodeTooLong,
            &SubjectStreetAddressTooLong,
            &SubjectTitleTooLong,
            &SubjectPseudonymTooLong,
        ];
        let exact: &[(u32, &[&dyn Rule])] = &[
            (BOUND, bounds),
            (RECOMMENDED, &[&SubjectGivenNameOverRecommendedLength, &SubjectSurnameOverRecommendedLength]),
            (SUBJECT_COUNTRY_TAG, &[&SubjectCountryNotPrintableString]),
            (ISSUER_COUNTRY_TAG, &[&IssuerCountryNotPrintableString]),
            (SERIAL_TAG, &[&SubjectSerialNumberNotPrintableString]),
            (DN_QUALIFIER_TAG, &[&DnQualifierNotPrintableString]),
            (EMAIL_TAG, &[&EmailAddressAttributeNotIa5string]),
            (DC_TAG, &[&DomainComponentNotIa5string]),
            (SUBJECT_MULTI, &[&br::SubjectRdnMultiValued]),
            (ISSUER_MULTI, &[&cm::IssuerRdnMultiValued]),
            (BR_ORDER, &[&br::SubjectRdnOrderInvalid]),
            (BR_TAG, &[&br::SubjectAttributeWrongStringType]),
            (BR_LENGTH, &[&br::SubjectAttributeTooLong]),
            (STATE_CONTROL, &[&br::StateProvinceHasControlCharacters]),
            (MOJIBAKE, &[&cm::Utf8Latin1Mojibake]),
        ];
        // Set also for values the walk does not read as text (or two unknown types).
        let loose: &[(u32, &[&dyn Rule])] = &[
            (REPEATED | REPEATED_CN, &[&br::SubjectAttributeRepeated]),
            (PLACEHOLDER, &[&br::SubjectAttributePlaceholderValue]),
            (COUNTRY_ISO, &[&br::SubjectCountryNotIso3166]),
            (COUNTRY_LOWER, &[&cm::SubjectCountryNotUppercase]),
            (HTML_ENTITY, &[&cm::NameContainsHtmlEntity]),
            (SUBJECT_PADDED, &[&cm::SubjectValueSurroundingWhitespace]),
            (ISSUER_PADDED, &[&cm::IssuerValueSurroundingWhitespace]),
        ];
        let ctx = Context::default();
        let all: Vec<&dyn Rule> = [RULES, br::RULES, cm::RULES, ev::RULES].concat();
        let mut seen = 0;
        for (i, b) in builders.iter().enumerate() {
            let fresh = b.build();
            let bits = name_checks(&fresh);
            seen |= bits;
            let forced = b.build();
            forced.facts.name_checks.get_or(|| u32::MAX);
            for r in &all {
                assert_eq!(r.check(&fresh, &ctx), r.check(&forced, &ctx), "{} on name {i}", r.meta().id());
            }
            let fails = |rules: &[&dyn Rule]| rules.iter().any(|r| matches!(r.check(&forced, &ctx), Outcome::Fail(_)));
            for (bit, rules) in exact {
                assert_eq!(bits & bit != 0, fails(rules), "bit {bit:#x} on name {i}");
            }
            for (bit, rules) in loose {
                assert!(bits & bit != 0 || !fails(rules), "bit {bit:#x} on name {i}");
            }
        }
        // Every bit was raised by some name above.
        assert_eq!(seen, (1 << 23) - 1);
        // Cached, and carried by clones.
        let cert = CertBuilder::leaf().build();
        assert_eq!(name_checks(&cert.clone()), name_checks(&cert));
        assert_eq!(cert.facts.name_checks.get_or(|| u32::MAX), name_checks(&cert));
    }

    #[test]
    fn tables_agree_with_the_char_predicates() {
        for b in 0..=255u8 {
            let c = byte_classes(&[b]);
            assert_eq!(c & class::NON_ASCII != 0, !b.is_ascii());
            if b.is_ascii() {
                let ch = char::from(b);
                assert_eq!(c & class::CONTROL != 0, ch.is_control(), "{b:#x}");
                assert_eq!(c & class::AMPERSAND != 0, ch == '&');
                assert_eq!(c & class::ALPHANUMERIC != 0, ch.is_alphanumeric());
                assert_eq!(c & class::LOWER != 0, ch.is_lowercase());
            }
        }
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let Ok(code) = core::str::from_utf8(&[a, b]).map(alloc::string::ToString::to_string) else { continue };
                assert_eq!(is_country_name(&code), iso3166::is_country_name(&code), "{code}");
            }
        }
        for code in ["", "D", "DEU", "de", "XX", "UK", "GB"] {
            assert_eq!(is_country_name(code), iso3166::is_country_name(code), "{code}");
        }
    }

    #[test]
    fn known_types_have_their_own_bits() {
        let bit = |t: &ObjectIdentifier| crate::cert::name::type_bit(t.as_bytes());
        for (i, t) in KNOWN_TYPES.iter().enumerate() {
            assert_eq!(type_index(t.as_bytes()), Some(i));
            // Each has a bit of its own in the certificate's type sets, which answer
            // `subject_may_have` exactly for them.
            assert!(bit(t).is_power_of_two() && bit(t) != crate::cert::name::OTHER_TYPE, "{t}");
            assert!(KNOWN_TYPES.iter().take(i).all(|u| bit(u) != bit(t)), "{t}");
        }
        let named = [
            (ty::COMMON_NAME, &attr::COMMON_NAME),
            (ty::SURNAME, &attr::SURNAME),
            (ty::SERIAL_NUMBER, &attr::SERIAL_NUMBER),
            (ty::COUNTRY, &attr::COUNTRY),
            (ty::LOCALITY, &attr::LOCALITY),
            (ty::STATE_OR_PROVINCE, &attr::STATE_OR_PROVINCE),
            (ty::STREET_ADDRESS, &attr::STREET_ADDRESS),
            (ty::ORGANIZATION, &attr::ORGANIZATION),
            (ty::ORGANIZATIONAL_UNIT, &attr::ORGANIZATIONAL_UNIT),
            (ty::TITLE, &attr::TITLE),
            (ty::POSTAL_CODE, &attr::POSTAL_CODE),
            (ty::GIVEN_NAME, &attr::GIVEN_NAME),
            (ty::DN_QUALIFIER, &attr::DN_QUALIFIER),
            (ty::PSEUDONYM, &attr::PSEUDONYM),
            (ty::DOMAIN_COMPONENT, &attr::DOMAIN_COMPONENT),
            (ty::EMAIL_ADDRESS, &attr::EMAIL_ADDRESS),
        ];
        for (i, t) in named {
            assert_eq!(KNOWN_TYPES.get(i), Some(&t));
        }
        // Types without a bit of their own share the catch-all one.
        assert_eq!(type_index(crate::oid::ext::BASIC_CONSTRAINTS.as_bytes()), None);
        assert_eq!(bit(&crate::oid::ext::BASIC_CONSTRAINTS), crate::cert::name::OTHER_TYPE);
    }

    #[test]
    fn type_sets_never_deny_a_present_type() {
        let types = [&attr::COMMON_NAME, &attr::COUNTRY, &attr::ORGANIZATION, &attr::SERIAL_NUMBER, &attr::TITLE];
        let cert = subj(&[(types[0], tag::UTF8_STRING, "a"), (types[1], tag::PRINTABLE_STRING, "DE")]).build();
        assert!(cert.subject_may_have(types[0]) && cert.subject_may_have(types[1]));
        // Absent types with bits of their own are ruled out.
        for t in &types[2..] {
            assert!(!cert.subject_may_have(t), "{t}");
        }
        // A type without a bit of its own makes every other such type possible.
        let other = &crate::oid::ext::BASIC_CONSTRAINTS;
        assert!(!cert.subject_may_have(other));
        let cert = subj(&[(other, tag::UTF8_STRING, "x")]).build();
        assert!(cert.subject_may_have(other) && cert.subject_may_have(&crate::oid::ext::KEY_USAGE));
        assert!(!cert.subject_may_have(types[0]));
        // An unreadable subject holds nothing.
        let mut b = CertBuilder::leaf();
        b.subject = alloc::vec![0x31, 0x00];
        assert!(!b.build().subject_may_have(types[0]));
        // The issuer has its own set.
        let mut b = CertBuilder::leaf();
        b.issuer = name(&[(&attr::DOMAIN_COMPONENT, tag::IA5_STRING, "com")]);
        let cert = b.build();
        assert!(cert.issuer_may_have(&attr::DOMAIN_COMPONENT) && names_may_have(&cert, &attr::DOMAIN_COMPONENT));
        assert!(!cert.issuer_may_have(&attr::COMMON_NAME));
        let mut b = CertBuilder::leaf();
        b.issuer = alloc::vec![0x31, 0x00];
        assert!(!b.build().issuer_may_have(&attr::COMMON_NAME));
    }

    fn issuer(attrs: &[(&ObjectIdentifier, u8, &str)]) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.issuer = name(attrs);
        b
    }

    fn msg(rule: &'static dyn Rule, b: &CertBuilder) -> (Status, String) {
        finding(rule, &b.build(), &Context::default())
    }

    #[test]
    fn rdn_sequence_shape() {
        assert_status(&NameNotRdnSequence, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.subject = tlv(tag::UTF8_STRING, b"example.com");
        let (s, m) = msg(&NameNotRdnSequence, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("subject"), "{m}");
        b.subject = seq(&[&seq(&[&seq(&[&oid(&attr::COMMON_NAME), &tlv(tag::UTF8_STRING, b"x")])])]);
        assert_status(&NameNotRdnSequence, &b, Status::Error);
        b.subject = seq(&[&set(&[&seq(&[&oid(&attr::COMMON_NAME)])])]);
        assert_status(&NameNotRdnSequence, &b, Status::Error);
        // Truncated TBS: neither name can be located.
        let tbs = seq(&[&ctx_cons(0, &int(2)), &int(5)]);
        let cert = Certificate::from_tbs_der(&tbs).unwrap();
        assert_eq!(NameNotRdnSequence.check(&cert, &Context::default()), Outcome::NotApplicable);
    }

    #[test]
    fn empty_names() {
        assert_status(&IssuerEmpty, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.issuer = seq(&[]);
        assert_status(&IssuerEmpty, &b, Status::Error);
        b.issuer = octet_string(b"x");
        assert_status(&IssuerEmpty, &b, Status::NotApplicable);

        assert_status(&CaSubjectEmpty, &CertBuilder::sub_ca(), Status::Pass);
        let mut ca = CertBuilder::sub_ca();
        ca.subject = seq(&[]);
        assert_status(&CaSubjectEmpty, &ca, Status::Error);
        assert_status(&CaSubjectEmpty, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&CrlIssuerSubjectEmpty, &CertBuilder::sub_ca(), Status::Pass);
        let mut crl = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x02]));
        crl.subject = seq(&[]);
        assert_status(&CrlIssuerSubjectEmpty, &crl, Status::Error);
        assert_status(&CrlIssuerSubjectEmpty, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn rdns() {
        assert_status(&RdnEmpty, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.subject = seq(&[&set(&[])]);
        assert_status(&RdnEmpty, &b, Status::Error);
        b.subject = octet_string(b"x");
        b.issuer = octet_string(b"x");
        assert_status(&RdnEmpty, &b, Status::NotApplicable);

        let ou = |v: &[u8]| seq(&[&oid(&attr::ORGANIZATIONAL_UNIT), &tlv(tag::UTF8_STRING, v)]);
        let cn = seq(&[&oid(&attr::COMMON_NAME), &tlv(tag::UTF8_STRING, b"c")]);
        assert_status(&RdnDuplicateAttributeType, &CertBuilder::leaf(), Status::NotApplicable);
        let mut b = CertBuilder::leaf();
        b.subject = seq(&[&set(&[&cn, &ou(b"a")])]);
        assert_status(&RdnDuplicateAttributeType, &b, Status::Pass);
        b.subject = seq(&[&set(&[&ou(b"a"), &ou(b"b")])]);
        let (s, m) = msg(&RdnDuplicateAttributeType, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("organizationalUnitName"), "{m}");
    }

    #[test]
    fn value_empty() {
        assert_status(&AttributeValueEmpty, &CertBuilder::leaf(), Status::Pass);
        let b = subj(&[(&attr::ORGANIZATION, tag::UTF8_STRING, "")]);
        assert_status(&AttributeValueEmpty, &b, Status::Error);
        // Unknown attribute types are not judged.
        let b = subj(&[(&attr::USER_ID, tag::UTF8_STRING, "")]);
        assert_status(&AttributeValueEmpty, &b, Status::Pass);
    }

    #[test]
    fn directory_string_types() {
        assert_status(&DirectoryStringInvalidType, &CertBuilder::leaf(), Status::Pass);
        let b = subj(&[(&attr::COMMON_NAME, tag::IA5_STRING, "example.com")]);
        let (s, m) = msg(&DirectoryStringInvalidType, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("IA5String"), "{m}");
        let b = issuer(&[(&attr::ORGANIZATION, tag::VISIBLE_STRING, "x")]);
        assert_status(&DirectoryStringInvalidType, &b, Status::Error);
        let mut none = subj(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "US")]);
        none.issuer = name(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "US")]);
        assert_status(&DirectoryStringInvalidType, &none, Status::NotApplicable);

        assert_status(&DirectoryStringLegacyType, &CertBuilder::leaf(), Status::Pass);
        let mut bmp = CertBuilder::leaf();
        bmp.subject = seq(&[&set(&[&seq(&[&oid(&attr::ORGANIZATION), &tlv(tag::BMP_STRING, &[0, 0x41])])])]);
        assert_status(&DirectoryStringLegacyType, &bmp, Status::Warn);
        assert_status(
            &DirectoryStringLegacyType,
            &subj(&[(&attr::ORGANIZATION, tag::TELETEX_STRING, "x")]),
            Status::Warn,
        );
        assert_status(&DirectoryStringLegacyType, &none, Status::NotApplicable);
    }

    #[test]
    fn country() {
        assert_status(
            &SubjectCountryNotPrintableString,
            &subj(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "US")]),
            Status::Pass,
        );
        assert_status(
            &SubjectCountryNotPrintableString,
            &subj(&[(&attr::COUNTRY, tag::UTF8_STRING, "US")]),
            Status::Error,
        );
        assert_status(&SubjectCountryNotPrintableString, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(&IssuerCountryNotPrintableString, &CertBuilder::leaf(), Status::Pass);
        assert_status(
            &IssuerCountryNotPrintableString,
            &issuer(&[(&attr::COUNTRY, tag::UTF8_STRING, "US")]),
            Status::Error,
        );
        assert_status(
            &IssuerCountryNotPrintableString,
            &issuer(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "CA")]),
            Status::NotApplicable,
        );

        assert_status(&CountryNotTwoLetters, &CertBuilder::leaf(), Status::Pass);
        let (s, m) = msg(&CountryNotTwoLetters, &subj(&[(&attr::COUNTRY, tag::PRINTABLE_STRING, "USA")]));
        assert_eq!(s, Status::Error);
        assert!(m.contains("USA"), "{m}");
        let b = issuer(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "CA")]);
        assert_status(&CountryNotTwoLetters, &b, Status::NotApplicable);
    }

    #[test]
    fn serial_and_dn_qualifier() {
        let ok = subj(&[(&attr::SERIAL_NUMBER, tag::PRINTABLE_STRING, "1234")]);
        assert_status(&SubjectSerialNumberNotPrintableString, &ok, Status::Pass);
        let bad = subj(&[(&attr::SERIAL_NUMBER, tag::UTF8_STRING, "1234")]);
        assert_status(&SubjectSerialNumberNotPrintableString, &bad, Status::Error);
        assert_status(&SubjectSerialNumberNotPrintableString, &CertBuilder::leaf(), Status::NotApplicable);

        assert_status(
            &DnQualifierNotPrintableString,
            &subj(&[(&attr::DN_QUALIFIER, tag::PRINTABLE_STRING, "q")]),
            Status::Pass,
        );
        assert_status(
            &DnQualifierNotPrintableString,
            &subj(&[(&attr::DN_QUALIFIER, tag::UTF8_STRING, "q")]),
            Status::Error,
        );
        assert_status(&DnQualifierNotPrintableString, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn upper_bounds() {
        let cases: [(&'static dyn Rule, &ObjectIdentifier, usize); 13] = [
            (&SubjectSerialNumberTooLong, &attr::SERIAL_NUMBER, 64),
            (&SubjectCommonNameTooLong, &attr::COMMON_NAME, 64),
            (&SubjectEmailAddressTooLong, &attr::EMAIL_ADDRESS, 255),
            (&SubjectGivenNameTooLong, &attr::GIVEN_NAME, 32768),
            (&SubjectSurnameTooLong, &attr::SURNAME, 32768),
            (&SubjectLocalityNameTooLong, &attr::LOCALITY, 128),
            (&SubjectStateNameTooLong, &attr::STATE_OR_PROVINCE, 128),
            (&SubjectOrganizationNameTooLong, &attr::ORGANIZATION, 64),
            (&SubjectOrganizationalUnitNameTooLong, &attr::ORGANIZATIONAL_UNIT, 64),
            (&SubjectPostalCodeTooLong, &attr::POSTAL_CODE, 40),
            (&SubjectStreetAddressTooLong, &attr::STREET_ADDRESS, 128),
            (&SubjectTitleTooLong, &attr::TITLE, 64),
            (&SubjectPseudonymTooLong, &attr::PSEUDONYM, 128),
        ];
        for (rule, o, max) in cases {
            let t =
                if o.as_bytes() == attr::EMAIL_ADDRESS.as_bytes() { tag::IA5_STRING } else { tag::PRINTABLE_STRING };
            let at = "a".repeat(max);
            let over = "a".repeat(max + 1);
            assert_status(rule, &subj(&[(o, t, &at)]), Status::Pass);
            let (s, m) = msg(rule, &subj(&[(o, t, &over)]));
            assert_eq!(s, Status::Error, "{}", rule.meta().id());
            assert!(m.contains(&format!("limit {max}")), "{m}");
            let other = if o.as_bytes() == attr::COUNTRY.as_bytes() { &attr::TITLE } else { &attr::COUNTRY };
            assert_status(rule, &subj(&[(other, tag::PRINTABLE_STRING, "US")]), Status::NotApplicable);
        }
        // Characters, not octets: 64 two-octet characters fit.
        let wide = "\u{e9}".repeat(64);
        assert_status(&SubjectCommonNameTooLong, &subj(&[(&attr::COMMON_NAME, tag::UTF8_STRING, &wide)]), Status::Pass);
        let old = subj(&[(&attr::COMMON_NAME, tag::UTF8_STRING, &"a".repeat(65))])
            .validity(Time::ymd(1998, 12, 31), Time::ymd(1999, 6, 1));
        assert_status(&SubjectCommonNameTooLong, &old, Status::NotEffective);
        let day_of = subj(&[(&attr::COMMON_NAME, tag::UTF8_STRING, &"a".repeat(65))])
            .validity(Time::ymd(1999, 1, 1), Time::ymd(1999, 6, 1));
        assert_status(&SubjectCommonNameTooLong, &day_of, Status::Error);
    }

    #[test]
    fn recommended_lengths() {
        let g = |n: usize| subj(&[(&attr::GIVEN_NAME, tag::UTF8_STRING, &"g".repeat(n))]);
        assert_status(&SubjectGivenNameOverRecommendedLength, &g(16), Status::Pass);
        assert_status(&SubjectGivenNameOverRecommendedLength, &g(17), Status::Warn);
        assert_status(&SubjectGivenNameOverRecommendedLength, &g(32769), Status::Pass);
        assert_status(&SubjectGivenNameOverRecommendedLength, &CertBuilder::leaf(), Status::NotApplicable);
        let s = |n: usize| subj(&[(&attr::SURNAME, tag::UTF8_STRING, &"s".repeat(n))]);
        assert_status(&SubjectSurnameOverRecommendedLength, &s(40), Status::Pass);
        assert_status(&SubjectSurnameOverRecommendedLength, &s(41), Status::Warn);
        assert_status(&SubjectSurnameOverRecommendedLength, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn control_characters() {
        assert_status(&SubjectValueControlCharacters, &CertBuilder::leaf(), Status::Pass);
        let b = subj(&[(&attr::COMMON_NAME, tag::UTF8_STRING, "example.com\0.evil.com")]);
        let (s, m) = msg(&SubjectValueControlCharacters, &b);
        assert_eq!(s, Status::Error);
        assert!(m.contains("U+0000"), "{m}");
        let b = subj(&[(&attr::ORGANIZATION, tag::UTF8_STRING, "a\u{85}b")]);
        assert_status(&SubjectValueControlCharacters, &b, Status::Error);
        let mut bad = CertBuilder::leaf();
        bad.subject = octet_string(b"x");
        assert_status(&SubjectValueControlCharacters, &bad, Status::NotApplicable);
    }

    #[test]
    fn ia5_attributes() {
        let ok = subj(&[(&attr::EMAIL_ADDRESS, tag::IA5_STRING, "a@example.com")]);
        assert_status(&EmailAddressAttributeNotIa5string, &ok, Status::Pass);
        let bad = subj(&[(&attr::EMAIL_ADDRESS, tag::UTF8_STRING, "a@example.com")]);
        assert_status(&EmailAddressAttributeNotIa5string, &bad, Status::Error);
        assert_status(&EmailAddressAttributeNotIa5string, &CertBuilder::leaf(), Status::NotApplicable);

        let ok = subj(&[(&attr::DOMAIN_COMPONENT, tag::IA5_STRING, "com")]);
        assert_status(&DomainComponentNotIa5string, &ok, Status::Pass);
        let bad = issuer(&[(&attr::DOMAIN_COMPONENT, tag::UTF8_STRING, "com")]);
        assert_status(&DomainComponentNotIa5string, &bad, Status::Error);
        assert_status(&DomainComponentNotIa5string, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn domain_components() {
        let dc = |labels: &[&str]| {
            let attrs: alloc::vec::Vec<(&ObjectIdentifier, u8, &str)> =
                labels.iter().map(|l| (&attr::DOMAIN_COMPONENT, tag::IA5_STRING, *l)).collect();
            subj(&attrs)
        };
        assert_status(&DomainComponentsInvalid, &dc(&["example", "com"]), Status::Pass);
        assert_status(&DomainComponentsInvalid, &dc(&["xn--caf-dma", "com"]), Status::Pass);
        let (s, m) = msg(&DomainComponentsInvalid, &dc(&["example.com"]));
        assert_eq!(s, Status::Error);
        assert!(m.contains("more than one label"), "{m}");
        assert_status(&DomainComponentsInvalid, &dc(&["", "com"]), Status::Error);
        assert_status(&DomainComponentsInvalid, &dc(&["-bad", "com"]), Status::Error);
        assert_status(&DomainComponentsInvalid, &dc(&["a_b", "com"]), Status::Error);
        assert_status(&DomainComponentsInvalid, &dc(&[&"a".repeat(64), "com"]), Status::Error);
        assert_status(&DomainComponentsInvalid, &dc(&["xn--zz", "com"]), Status::Error);
        let long: alloc::vec::Vec<String> = (0..5).map(|_| "a".repeat(60)).collect();
        let refs: alloc::vec::Vec<&str> = long.iter().map(String::as_str).collect();
        let (s, m) = msg(&DomainComponentsInvalid, &dc(&refs));
        assert_eq!(s, Status::Error);
        assert!(m.contains("limit 253"), "{m}");
        assert_status(&DomainComponentsInvalid, &CertBuilder::leaf(), Status::NotApplicable);
    }

    #[test]
    fn email_in_san() {
        let email =
            [(&attr::COMMON_NAME, tag::UTF8_STRING, "x"), (&attr::EMAIL_ADDRESS, tag::IA5_STRING, "A@Example.com")];
        let san = seq(&[&ctx_prim(1, b"a@example.com")]);
        let ok = subj(&email).ext(&ext::SUBJECT_ALT_NAME, false, &san);
        assert_status(&SubjectEmailNotInSan, &ok, Status::Pass);
        let missing = subj(&email);
        let (s, m) = msg(&SubjectEmailNotInSan, &missing);
        assert_eq!(s, Status::Error);
        assert!(m.contains("A@Example.com"), "{m}");
        let no_san = subj(&email).without_ext(&ext::SUBJECT_ALT_NAME);
        assert_status(&SubjectEmailNotInSan, &no_san, Status::Error);
        assert_status(&SubjectEmailNotInSan, &CertBuilder::leaf(), Status::NotApplicable);
    }
}
