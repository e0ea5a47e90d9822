//! A varied set of certificates (good and defective leaf DV/OV/EV, subordinate CAs, roots,
//! OCSP responders, precertificates) written as DER to a directory, to compare certlint with
//! other linters (pkilint) on the same input. Run by hand:
//! `CERTLINT_SAMPLES=/tmp/samples cargo test --lib write_samples -- --ignored`.

extern crate std;

use alloc::vec::Vec;

use super::der::*;
use super::*;
use crate::asn1::tag;
use crate::oid::{self, alg, attr, eku, ext, policy};

const U: u8 = tag::UTF8_STRING;
const P: u8 = tag::PRINTABLE_STRING;

fn policies(ids: &[&ObjectIdentifier]) -> Vec<u8> {
    let infos: Vec<Vec<u8>> = ids.iter().map(|p| seq(&[&oid(p)])).collect();
    seq_vec(&infos)
}

fn ekus(ids: &[&ObjectIdentifier]) -> Vec<u8> {
    let items: Vec<Vec<u8>> = ids.iter().map(|p| oid(p)).collect();
    seq_vec(&items)
}

fn ov() -> CertBuilder {
    CertBuilder::leaf()
        .subject(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::STATE_OR_PROVINCE, U, "California"),
            (&attr::LOCALITY, U, "San Francisco"),
            (&attr::ORGANIZATION, U, "Example Inc."),
            (&attr::COMMON_NAME, U, "example.com"),
        ])
        .ext(&ext::CERTIFICATE_POLICIES, false, &policies(&[&policy::OV]))
}

fn ev() -> CertBuilder {
    CertBuilder::leaf()
        .subject(&[
            (&attr::JURISDICTION_COUNTRY, P, "US"),
            (&attr::JURISDICTION_STATE_OR_PROVINCE, U, "Delaware"),
            (&attr::BUSINESS_CATEGORY, U, "Private Organization"),
            (&attr::SERIAL_NUMBER, P, "1234567"),
            (&attr::COUNTRY, P, "US"),
            (&attr::STATE_OR_PROVINCE, U, "California"),
            (&attr::LOCALITY, U, "San Francisco"),
            (&attr::ORGANIZATION, U, "Example Inc."),
            (&attr::COMMON_NAME, U, "example.com"),
        ])
        .ext(&ext::CERTIFICATE_POLICIES, false, &policies(&[&policy::EV]))
}

fn ocsp_responder() -> CertBuilder {
    CertBuilder::leaf()
        .subject(&[
            (&attr::COUNTRY, P, "US"),
            (&attr::ORGANIZATION, U, "Example CA"),
            (&attr::COMMON_NAME, U, "Example OCSP Responder"),
        ])
        .without_ext(&ext::SUBJECT_ALT_NAME)
        .without_ext(&ext::CERTIFICATE_POLICIES)
        .without_ext(&ext::AUTHORITY_INFO_ACCESS)
        .ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::OCSP_SIGNING]))
        .ext(&ext::OCSP_NO_CHECK, false, &null())
}

fn samples() -> Vec<(&'static str, CertBuilder)> {
    let leaf = CertBuilder::leaf;
    let san_one = |n: &str| leaf().san_dns(&[n]).subject(&[(&attr::COMMON_NAME, U, n)]);
    let mut v: Vec<(&'static str, CertBuilder)> = vec![
        ("dv_ok", leaf()),
        ("ov_ok", ov()),
        ("ev_ok", ev()),
        ("root_ok", CertBuilder::root()),
        ("subca_ok", CertBuilder::sub_ca()),
        ("ocsp_ok", ocsp_responder()),
        // Defective subscribers.
        ("dv_no_san", leaf().without_ext(&ext::SUBJECT_ALT_NAME)),
        ("dv_ku_not_critical", leaf().ext(&ext::KEY_USAGE, false, &bit_string(7, &[0x80]))),
        ("dv_ku_key_encipherment_ec", leaf().ext(&ext::KEY_USAGE, true, &bit_string(5, &[0xa0]))),
        ("dv_cn_not_in_san", leaf().subject(&[(&attr::COMMON_NAME, U, "other.example.net")])),
        ("dv_underscore", san_one("a_b.example.com")),
        ("dv_internal_name", san_one("server.local")),
        ("dv_wildcard_mid", san_one("a.*.example.com")),
        (
            "dv_validity_400d",
            leaf().not_before(Time::ymd(2025, 6, 1)).validity(Time::ymd(2025, 6, 1), Time::ymd(2026, 7, 6)),
        ),
        (
            "dv_with_org",
            leaf().subject(&[(&attr::ORGANIZATION, U, "Example Inc."), (&attr::COMMON_NAME, U, "example.com")]),
        ),
        (
            "dv_any_policy",
            leaf().ext(&ext::CERTIFICATE_POLICIES, false, &policies(&[&policy::DV, &policy::ANY_POLICY])),
        ),
        ("dv_no_policies", leaf().without_ext(&ext::CERTIFICATE_POLICIES)),
        ("dv_no_eku", leaf().without_ext(&ext::EXT_KEY_USAGE)),
        ("dv_eku_any", leaf().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::SERVER_AUTH, &eku::ANY]))),
        (
            "dv_eku_code_signing",
            leaf().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::SERVER_AUTH, &eku::CODE_SIGNING])),
        ),
        ("dv_no_aia", leaf().without_ext(&ext::AUTHORITY_INFO_ACCESS)),
        ("dv_no_aki", leaf().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER)),
        ("dv_bc_ca_false_not_critical", leaf().ext(&ext::BASIC_CONSTRAINTS, false, &seq(&[]))),
        ("dv_rsa_1024", {
            let mut b = leaf();
            b.spki = rsa_spki(1024, 65537);
            b
        }),
        ("dv_rsa_2048", {
            let mut b = leaf().ext(&ext::KEY_USAGE, true, &bit_string(5, &[0xa0]));
            b.spki = rsa_spki(2048, 65537);
            b
        }),
        ("dv_ecdsa_sha1", {
            let mut b = leaf();
            b.tbs_sig_alg = seq(&[&oid(&alg::ECDSA_WITH_SHA1)]);
            b
        }),
        (
            "dv_email_in_subject",
            leaf().subject(&[
                (&attr::COMMON_NAME, U, "example.com"),
                (&attr::EMAIL_ADDRESS, tag::IA5_STRING, "a@example.com"),
            ]),
        ),
        (
            "dv_ip_reserved",
            leaf().ext(&ext::SUBJECT_ALT_NAME, false, &seq(&[&ctx_prim(7, &[10, 0, 0, 1])])).subject(&[]),
        ),
        ("dv_ski_present", leaf().ext(&ext::SUBJECT_KEY_IDENTIFIER, false, &octet_string(&[0x11; 20]))),
        (
            "dv_crldp",
            leaf().ext(
                &ext::CRL_DISTRIBUTION_POINTS,
                false,
                &seq(&[&seq(&[&ctx_cons(0, &ctx_cons(0, &ctx_prim(6, b"http://crl.example.com/ca.crl")))])]),
            ),
        ),
        ("dv_country_lower", leaf().subject(&[(&attr::COUNTRY, P, "us"), (&attr::COMMON_NAME, U, "example.com")])),
        ("dv_precert", leaf().ext(&ext::CT_POISON, true, &null())),
        (
            "dv_2022_no_reserved_policy",
            leaf().not_before(Time::ymd(2022, 6, 1)).ext(
                &ext::CERTIFICATE_POLICIES,
                false,
                &policies(&[&oid::policy::ANY_POLICY]),
            ),
        ),
        (
            "ov_no_locality",
            ov().subject(&[
                (&attr::COUNTRY, P, "US"),
                (&attr::ORGANIZATION, U, "Example Inc."),
                (&attr::COMMON_NAME, U, "example.com"),
            ]),
        ),
        (
            "ov_with_ou",
            ov().subject(&[
                (&attr::COUNTRY, P, "US"),
                (&attr::STATE_OR_PROVINCE, U, "California"),
                (&attr::ORGANIZATION, U, "Example Inc."),
                (&attr::ORGANIZATIONAL_UNIT, U, "IT"),
                (&attr::COMMON_NAME, U, "example.com"),
            ]),
        ),
        (
            "ev_no_business_category",
            ev().subject(&[
                (&attr::JURISDICTION_COUNTRY, P, "US"),
                (&attr::SERIAL_NUMBER, P, "1234567"),
                (&attr::COUNTRY, P, "US"),
                (&attr::STATE_OR_PROVINCE, U, "California"),
                (&attr::ORGANIZATION, U, "Example Inc."),
                (&attr::COMMON_NAME, U, "example.com"),
            ]),
        ),
        ("ev_validity_400d", ev().validity(Time::ymd(2025, 6, 1), Time::ymd(2026, 7, 6))),
        // Defective CAs.
        ("root_eku", CertBuilder::root().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::SERVER_AUTH]))),
        ("root_pathlen", CertBuilder::root().ext(&ext::BASIC_CONSTRAINTS, true, &seq(&[&boolean(true), &int(1)]))),
        (
            "root_policies",
            CertBuilder::root().ext(&ext::CERTIFICATE_POLICIES, false, &policies(&[&policy::ANY_POLICY])),
        ),
        ("root_no_ski", CertBuilder::root().without_ext(&ext::SUBJECT_KEY_IDENTIFIER)),
        ("root_ku_digital_signature", CertBuilder::root().ext(&ext::KEY_USAGE, true, &bit_string(1, &[0x86]))),
        (
            "root_no_country",
            CertBuilder::root()
                .subject(&[(&attr::ORGANIZATION, U, "Example CA"), (&attr::COMMON_NAME, U, "Example Root CA")]),
        ),
        ("subca_no_aki", CertBuilder::sub_ca().without_ext(&ext::AUTHORITY_KEY_IDENTIFIER)),
        (
            "subca_bc_not_critical",
            CertBuilder::sub_ca().ext(&ext::BASIC_CONSTRAINTS, false, &seq(&[&boolean(true), &int(0)])),
        ),
        ("subca_no_eku", CertBuilder::sub_ca().without_ext(&ext::EXT_KEY_USAGE)),
        ("subca_eku_any", CertBuilder::sub_ca().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::ANY]))),
        ("subca_no_crldp", CertBuilder::sub_ca().without_ext(&ext::CRL_DISTRIBUTION_POINTS)),
        (
            "subca_with_ou",
            CertBuilder::sub_ca().subject(&[
                (&attr::COUNTRY, P, "US"),
                (&attr::ORGANIZATION, U, "Example CA"),
                (&attr::ORGANIZATIONAL_UNIT, U, "PKI"),
                (&attr::COMMON_NAME, U, "Example Issuing CA"),
            ]),
        ),
        (
            "subca_tc_name_constraints",
            CertBuilder::sub_ca().ext(
                &ext::NAME_CONSTRAINTS,
                true,
                &seq(&[&ctx_cons(0, &seq(&[&ctx_prim(2, b"example.com")]))]),
            ),
        ),
        (
            "subca_precert_signing",
            CertBuilder::sub_ca().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::PRECERT_SIGNING])),
        ),
        ("subca_email_eku", CertBuilder::sub_ca().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::EMAIL_PROTECTION]))),
        ("subca_ku_no_crl_sign", CertBuilder::sub_ca().ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x04]))),
        (
            "subca_2015_ku_not_critical",
            CertBuilder::sub_ca().validity(Time::ymd(2015, 1, 1), Time::ymd(2020, 1, 1)).ext(
                &ext::KEY_USAGE,
                false,
                &bit_string(1, &[0x86]),
            ),
        ),
        ("ocsp_no_nocheck", ocsp_responder().without_ext(&ext::OCSP_NO_CHECK)),
        (
            "ocsp_extra_eku",
            ocsp_responder().ext(&ext::EXT_KEY_USAGE, false, &ekus(&[&eku::OCSP_SIGNING, &eku::SERVER_AUTH])),
        ),
        (
            "ocsp_no_country",
            ocsp_responder().subject(&[(&attr::ORGANIZATION, U, "Example CA"), (&attr::COMMON_NAME, U, "OCSP")]),
        ),
    ];
    v.retain(|(n, _)| !n.is_empty());
    v
}

#[test]
#[ignore = "writes files; run by hand to compare with pkilint"]
fn write_samples() {
    let dir = std::env::var("CERTLINT_SAMPLES").unwrap_or_else(|_| "/tmp/certlint-samples".into());
    std::fs::create_dir_all(&dir).unwrap();
    for (name, b) in samples() {
        std::fs::write(std::format!("{dir}/{name}.der"), b.der()).unwrap();
    }
}

#[test]
fn samples_decode() {
    for (name, b) in samples() {
        assert!(crate::Certificate::from_der(&b.der()).is_ok(), "{name}");
    }
}
