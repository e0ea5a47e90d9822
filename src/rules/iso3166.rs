//! ISO 3166-1 alpha-2 country codes, as the CA/Browser Forum documents use them.
//!
//! The table holds the 249 officially assigned codes (ISO 3166 Maintenance Agency, as of
//! 2024: the last change was `SZ` for Eswatini's renaming, the code itself unchanged; the
//! last new codes were `SS` in 2011 and `BQ`, `CW`, `SX` in 2010). User-assigned codes are
//! not in it: the TLS BRs (§7.1.2.7.3, §7.1.2.7.4) allow `XX` in `countryName` when a
//! country has no official code, and the EV Guidelines (§7.1.4.2.8) use `XG` for global
//! registration schemes; the callers decide which of those they accept.

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted.
pub const ASSIGNED: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", // A
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW",
    "BY", "BZ", // B
    "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY",
    "CZ", // C
    "DE", "DJ", "DK", "DM", "DO", "DZ", // D
    "EC", "EE", "EG", "EH", "ER", "ES", "ET", // E
    "FI", "FJ", "FK", "FM", "FO", "FR", // F
    "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW",
    "GY", // G
    "HK", "HM", "HN", "HR", "HT", "HU", // H
    "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", // I
    "JE", "JM", "JO", "JP", // J
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", // K
    "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", // L
    "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV",
    "MW", "MX", "MY", "MZ", // M
    "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", // N
    "OM", // O
    "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", // P
    "QA", // Q
    "RE", "RO", "RS", "RU", "RW", // R
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX",
    "SY", "SZ", // S
    "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", // T
    "UA", "UG", "UM", "US", "UY", "UZ", // U
    "VA", "VC", "VE", "VG", "VI", "VN", "VU", // V
    "WF", "WS", // W
    "YE", "YT", // Y
    "ZA", "ZM", "ZW", // Z
];

/// The user-assigned code the TLS BRs and EV Guidelines prescribe for a country without an
/// official code.
pub const UNKNOWN_COUNTRY: &str = "XX";

/// The code the EV Guidelines (§7.1.4.2.8) prescribe for registration schemes operated
/// globally.
pub const GLOBAL: &str = "XG";

/// Whether `code` is an officially assigned alpha-2 code (exact, upper case).
pub fn is_assigned(code: &str) -> bool {
    ASSIGNED.binary_search(&code).is_ok()
}

/// Whether `code` may appear in a `countryName`: an assigned code or `XX`.
pub fn is_country_name(code: &str) -> bool {
    code == UNKNOWN_COUNTRY || is_assigned(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_well_formed() {
        assert!(ASSIGNED.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
        assert!(ASSIGNED.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn lookups() {
        for c in ["US", "DE", "GB", "SS", "CW", "SX", "BQ", "AX", "NA", "ZW", "AD"] {
            assert!(is_assigned(c), "{c}");
        }
        // Withdrawn, reserved or user-assigned codes, and wrong forms.
        for c in ["UK", "YU", "CS", "AN", "EU", "XK", "XX", "XG", "ZZ", "us", "USA", "", "U"] {
            assert!(!is_assigned(c), "{c}");
        }
        assert!(is_country_name("XX"));
        assert!(is_country_name("FR"));
        assert!(!is_country_name("XG"));
    }
}
