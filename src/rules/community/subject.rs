//! Subject and issuer name hygiene: letter case of country codes, HTML entities, mojibake,
//! surrounding whitespace, multi-valued issuer RDNs.

use alloc::{format, vec::Vec};

use crate::asn1::tag;
use crate::cert::{AttributeTypeAndValue, Name};
use crate::oid::attr;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::rules::cabf_br::subject::value_text;
use crate::rules::rfc5280::name::{check, name_checks};
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[
    &SubjectCountryNotUppercase,
    &NameContainsHtmlEntity,
    &Utf8Latin1Mojibake,
    &SubjectValueSurroundingWhitespace,
    &IssuerValueSurroundingWhitespace,
    &IssuerRdnMultiValued,
];

/// `community.subject_country_not_uppercase`
///
/// **What it checks**: no subject countryName contains a lower-case letter.
///
/// **Why it matters**: ISO 3166-1 (§5.1) writes alpha-2 codes in upper case, and relying
/// parties compare country codes literally; `us` is not a code. Whether the code is
/// assigned is `cabf_br.subject_country_not_iso3166`'s business.
///
/// **Example**: `C=de` or `C=De` fails; `C=DE` passes; a subject without countryName passes.
pub struct SubjectCountryNotUppercase;

impl Rule for SubjectCountryNotUppercase {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.subject_country_not_uppercase", Source::Community, Severity::Error)
                .summary("subject countryName must be written in upper case")
                .citation("ISO 3166-1 §5.1 (community)")
                .scope(Scope::ALL)
                .aliases(&["zlint:e_subj_country_not_uppercase"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::COUNTRY_LOWER == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes_of(&attr::COUNTRY) {
            let Some(text) = a.text() else { continue };
            if text.chars().any(char::is_lowercase) {
                return Outcome::fail(format!("countryName \"{text}\" is not in upper case"));
            }
        }
        Outcome::Pass
    }
}

/// The first HTML character reference in `s`: `&name;`, `&#123;` or `&#x1F;`.
pub(crate) fn html_entity(s: &str) -> Option<&str> {
    s.match_indices('&').find_map(|(i, _)| {
        let rest = s.get(i + 1..)?;
        let end = rest.find(';')?;
        let body = rest.get(..end)?;
        let ok = if let Some(num) = body.strip_prefix('#') {
            match num.strip_prefix(['x', 'X']) {
                Some(hex) => !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()),
                None => !num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()),
            }
        } else {
            !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphabetic())
        };
        if ok {
            s.get(i..i + end + 2)
        } else {
            None
        }
    })
}

/// `community.name_contains_html_entity`
///
/// **What it checks**: no subject attribute value contains an HTML character reference:
/// `&` followed by letters, `#` and digits, or `#x` and hex digits, then `;` (such as
/// `&amp;`, `&#39;`, `&#x26;`).
///
/// **Why it matters**: such values come from web forms that escaped the input before the CA
/// put it in the certificate; the name then says `Smith &amp; Sons` rather than what was
/// validated.
///
/// **Example**: `O=Smith &amp; Sons` fails; `O=Smith & Sons` passes; `O=AT&T` passes.
pub struct NameContainsHtmlEntity;

impl Rule for NameContainsHtmlEntity {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.name_contains_html_entity", Source::Community, Severity::Error)
                .summary("subject values must not contain HTML entities")
                .citation("community")
                .scope(Scope::ALL)
                .aliases(&[
                    "zlint:e_subj_contains_html_entities",
                    "pkilint:cabf.name.attribute_value_contains_html_entity",
                ]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::HTML_ENTITY == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes() {
            let Some(text) = a.text() else { continue };
            if let Some(entity) = html_entity(&text) {
                return Outcome::fail(format!("{} \"{text}\" contains the HTML entity {entity}", a.type_name()));
            }
        }
        Outcome::Pass
    }
}

/// Whether bytes form valid UTF-8 (RFC 3629: no overlong forms, no surrogates, at most
/// U+10FFFF), checked as they come.
fn is_utf8(mut bytes: impl Iterator<Item = u8>) -> bool {
    while let Some(b) = bytes.next() {
        let (more, lo, hi) = match b {
            0x00..=0x7f => continue,
            0xc2..=0xdf => (1, 0x80, 0xbf),
            0xe0 => (2, 0xa0, 0xbf),
            0xe1..=0xec | 0xee..=0xef => (2, 0x80, 0xbf),
            0xed => (2, 0x80, 0x9f),
            0xf0 => (3, 0x90, 0xbf),
            0xf1..=0xf3 => (3, 0x80, 0xbf),
            0xf4 => (3, 0x80, 0x8f),
            _ => return false,
        };
        if !bytes.next().is_some_and(|c| (lo..=hi).contains(&c)) {
            return false;
        }
        for _ in 1..more {
            if !bytes.next().is_some_and(|c| (0x80..=0xbf).contains(&c)) {
                return false;
            }
        }
    }
    true
}

/// Whether UTF-8 text looks like UTF-8 that was read as Latin-1 and encoded again: every
/// character is in U+0000-U+00FF, some are not ASCII, and the characters taken as bytes are
/// themselves valid UTF-8 (`Ã©` for `é`).
pub(crate) fn is_latin1_mojibake(s: &str) -> bool {
    if s.is_ascii() || s.chars().any(|c| u32::from(c) > 0xff) {
        return false;
    }
    is_utf8(s.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(0xff)))
}

/// `community.utf8_latin1_mojibake`
///
/// **What it checks**: no UTF8String subject value is double-encoded: text whose
/// characters, taken as Latin-1 bytes, form valid UTF-8 with non-ASCII characters.
///
/// **Why it matters**: this is what happens when a UTF-8 name is decoded as ISO 8859-1 and
/// encoded as UTF-8 again: `Société` becomes `SociÃ©tÃ©`, a name nobody validated.
///
/// **Example**: `O=SociÃ©tÃ© GÃ©nÃ©rale` fails; `O=Société Générale` and `O=Müller` pass;
/// PrintableString values are not concerned.
pub struct Utf8Latin1Mojibake;

impl Rule for Utf8Latin1Mojibake {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.utf8_latin1_mojibake", Source::Community, Severity::Error)
            .summary("UTF8String subject values must not hold Latin-1 mojibake")
            .citation("community (ISO 8859-1 mix-up)")
            .scope(Scope::ALL)
            .aliases(&["zlint:e_utf8_latin1_mixup"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(subject) = cert.subject() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::MOJIBAKE == 0 {
            return Outcome::Pass;
        }
        for a in subject.attributes().filter(|a| a.tag == tag::UTF8_STRING) {
            let Some(text) = a.as_str() else { continue };
            if is_latin1_mojibake(text) {
                return Outcome::fail(format!(
                    "{} \"{text}\" looks like UTF-8 decoded as Latin-1 and re-encoded",
                    a.type_name()
                ));
            }
        }
        Outcome::Pass
    }
}

/// The first attribute whose value starts or ends with a space or tab, and which end.
fn padded<'a>(name: &Name<'a>) -> Option<(AttributeTypeAndValue<'a>, &'static str)> {
    name.attributes().find_map(|a| {
        let text = a.text()?;
        let ws = |c: char| c == ' ' || c == '\t';
        if text.starts_with(ws) {
            Some((a, "starts"))
        } else if text.ends_with(ws) {
            Some((a, "ends"))
        } else {
            None
        }
    })
}

fn whitespace_check(name: Result<Name<'_>, crate::cert::Malformed>, which: &str) -> Outcome {
    let Ok(name) = name else { return Outcome::NotApplicable };
    match padded(&name) {
        None => Outcome::Pass,
        Some((a, end)) => Outcome::fail(format!(
            "{which} {} \"{}\" {end} with whitespace",
            a.type_name(),
            value_text(&a).escape_debug()
        )),
    }
}

/// `community.subject_value_surrounding_whitespace`
///
/// **What it checks**: no subject attribute value begins or ends with a space or a tab.
///
/// **Why it matters**: surrounding whitespace is an artefact of copying form input; it makes
/// names that look equal compare unequal and is not part of any validated value.
///
/// **Example**: `O= Example` or `CN=example.com ` warns; `O=Example Inc.` passes.
pub struct SubjectValueSurroundingWhitespace;

impl Rule for SubjectValueSurroundingWhitespace {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.subject_value_surrounding_whitespace", Source::Community, Severity::Warn)
                .summary("subject values should not start or end with whitespace")
                .citation("awslabs certlint")
                .scope(Scope::ALL)
                .aliases(&["zlint:w_subject_dn_leading_whitespace", "zlint:w_subject_dn_trailing_whitespace"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.subject().is_ok() && name_checks(cert) & check::SUBJECT_PADDED == 0 {
            return Outcome::Pass;
        }
        whitespace_check(cert.subject(), "subject")
    }
}

/// `community.issuer_value_surrounding_whitespace`
///
/// **What it checks**: no issuer attribute value begins or ends with a space or a tab.
///
/// **Why it matters**: the issuer name copies the issuing CA's subject; whitespace around a
/// value there is the same form-input artefact, propagated to every certificate the CA
/// signs.
///
/// **Example**: issuer `CN=Example CA ` warns; `CN=Example CA` passes.
pub struct IssuerValueSurroundingWhitespace;

impl Rule for IssuerValueSurroundingWhitespace {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("community.issuer_value_surrounding_whitespace", Source::Community, Severity::Warn)
                .summary("issuer values should not start or end with whitespace")
                .citation("awslabs certlint")
                .scope(Scope::ALL)
                .aliases(&["zlint:w_issuer_dn_leading_whitespace", "zlint:w_issuer_dn_trailing_whitespace"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        if cert.issuer().is_ok() && name_checks(cert) & check::ISSUER_PADDED == 0 {
            return Outcome::Pass;
        }
        whitespace_check(cert.issuer(), "issuer")
    }
}

/// `community.issuer_rdn_multi_valued`
///
/// **What it checks**: every RDN of the issuer holds exactly one attribute.
///
/// **Why it matters**: multi-valued RDNs are re-sorted in DER and handled inconsistently by
/// software; TLS BR §7.1.4.1 forbids them in CA subjects, hence in issuers, and awslabs
/// certlint warns about them everywhere.
///
/// **Example**: issuer `C=US, O=Example + CN=Example CA` warns; one attribute per RDN
/// passes.
pub struct IssuerRdnMultiValued;

impl Rule for IssuerRdnMultiValued {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("community.issuer_rdn_multi_valued", Source::Community, Severity::Warn)
            .summary("issuer RDNs should contain a single attribute each")
            .citation("awslabs certlint; TLS BR §7.1.4.1")
            .scope(Scope::ALL)
            .aliases(&["zlint:w_multiple_issuer_rdn"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(issuer) = cert.issuer() else { return Outcome::NotApplicable };
        if name_checks(cert) & check::ISSUER_MULTI == 0 {
            return Outcome::Pass;
        }
        let Some(rdn) = issuer.rdns().find(|r| r.len() > 1) else { return Outcome::Pass };
        let types: Vec<_> = rdn.attributes().map(|a| a.type_name()).collect();
        Outcome::fail(format!("an issuer RDN holds {} attributes ({})", types.len(), types.join(" + ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ObjectIdentifier;
    use crate::testutil::{der::*, *};
    use crate::{CertType, Status};

    const P: u8 = tag::PRINTABLE_STRING;
    const U: u8 = tag::UTF8_STRING;

    fn subject(attrs: &[(&ObjectIdentifier, u8, &str)]) -> CertBuilder {
        CertBuilder::leaf().subject(attrs)
    }

    fn message(rule: &'static dyn Rule, b: &CertBuilder) -> alloc::string::String {
        finding(rule, &b.build(), &Context::default()).1
    }

    #[test]
    fn country_case() {
        let rule = &SubjectCountryNotUppercase;
        assert_status(rule, &subject(&[(&attr::COUNTRY, P, "DE")]), Status::Pass);
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        let b = subject(&[(&attr::COUNTRY, P, "De")]);
        assert_status(rule, &b, Status::Error);
        assert_eq!(message(rule, &b), "countryName \"De\" is not in upper case");
        // Every certificate type, S/MIME included.
        let ctx = Context::default().with_type(CertType::SmimeSubscriber);
        assert_eq!(finding(rule, &b.build(), &ctx).0, Status::Error);
    }

    #[test]
    fn html_entities() {
        let rule = &NameContainsHtmlEntity;
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "Smith & Sons")]), Status::Pass);
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "AT&T")]), Status::Pass);
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "A & B; C")]), Status::Pass);
        for v in ["Smith &amp; Sons", "O&#39;Brien", "A&#x26;B", "&lt;x&gt;"] {
            assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, v)]), Status::Error);
        }
        let b = subject(&[(&attr::ORGANIZATION, U, "Smith &amp; Sons")]);
        assert_eq!(message(rule, &b), "organizationName \"Smith &amp; Sons\" contains the HTML entity &amp;");
        assert_eq!(html_entity("&#x;"), None);
        assert_eq!(html_entity("a &#12; b"), Some("&#12;"));
    }

    #[test]
    fn mojibake() {
        let rule = &Utf8Latin1Mojibake;
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "Société Générale")]), Status::Pass);
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "Müller")]), Status::Pass);
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "東京")]), Status::Pass);
        let b = subject(&[(&attr::ORGANIZATION, U, "SociÃ©tÃ© GÃ©nÃ©rale")]);
        assert_status(rule, &b, Status::Error);
        assert!(message(rule, &b).contains("decoded as Latin-1"));
        // Only UTF8String values are concerned.
        let mut t61 = CertBuilder::leaf();
        t61.subject = seq(&[&set(&[&seq(&[&oid(&attr::ORGANIZATION), &tlv(tag::TELETEX_STRING, "Ã©".as_bytes())])])]);
        assert_status(rule, &t61, Status::Pass);
        assert!(!is_utf8([0xed, 0xa0, 0x80].into_iter()), "surrogates are not UTF-8");
        assert!(!is_utf8([0xc0, 0x80].into_iter()), "overlong forms are not UTF-8");
        assert!(is_utf8("€".bytes()));
    }

    #[test]
    fn subject_whitespace() {
        let rule = &SubjectValueSurroundingWhitespace;
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        assert_status(rule, &subject(&[(&attr::ORGANIZATION, U, "Example Inc.")]), Status::Pass);
        let lead = subject(&[(&attr::ORGANIZATION, U, " Example")]);
        assert_status(rule, &lead, Status::Warn);
        assert_eq!(message(rule, &lead), "subject organizationName \" Example\" starts with whitespace");
        let trail = subject(&[(&attr::COMMON_NAME, U, "example.com\t")]);
        assert_status(rule, &trail, Status::Warn);
        assert_eq!(message(rule, &trail), "subject commonName \"example.com\\t\" ends with whitespace");
    }

    #[test]
    fn issuer_whitespace() {
        let rule = &IssuerValueSurroundingWhitespace;
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.issuer = name(&[(&attr::COUNTRY, P, "US"), (&attr::COMMON_NAME, U, "Example CA ")]);
        assert_status(rule, &b, Status::Warn);
        assert_eq!(message(rule, &b), "issuer commonName \"Example CA \" ends with whitespace");
    }

    #[test]
    fn issuer_multi_valued() {
        let rule = &IssuerRdnMultiValued;
        assert_status(rule, &CertBuilder::leaf(), Status::Pass);
        let mut b = CertBuilder::leaf();
        b.issuer = seq(&[&set(&[
            &seq(&[&oid(&attr::ORGANIZATION), &tlv(U, b"Example")]),
            &seq(&[&oid(&attr::COMMON_NAME), &tlv(U, b"Example CA")]),
        ])]);
        assert_status(rule, &b, Status::Warn);
        assert_eq!(message(rule, &b), "an issuer RDN holds 2 attributes (organizationName + commonName)");
    }
}
