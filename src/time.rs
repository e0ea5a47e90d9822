//! Points in time, without a clock.
//!
//! The crate never reads the system clock: the caller says when "now" is through
//! [`Context`](crate::Context). [`Time`] is seconds since the Unix epoch (UTC), so that the
//! UTCTime years 1950–1969, which RFC 5280 allows and `der` cannot represent, still work.

use core::fmt;

/// A UTC instant, in whole seconds since 1970-01-01T00:00:00Z (negative before).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Time(i64);

/// Seconds in a day.
pub const DAY: i64 = 86_400;

impl Time {
    /// The instant `secs` seconds after the Unix epoch.
    pub const fn from_unix(secs: i64) -> Self {
        Self(secs)
    }

    /// Seconds since the Unix epoch.
    pub const fn unix(self) -> i64 {
        self.0
    }

    /// Midnight UTC of a calendar date. Out-of-range months and days are not validated
    /// here; use [`Time::from_ymd_hms`] for input that needs checking.
    pub const fn ymd(year: i64, month: u32, day: u32) -> Self {
        Self(days_from_civil(year, month, day) * DAY)
    }

    /// A checked calendar date and time of day (UTC).
    pub fn from_ymd_hms(year: i64, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> Option<Self> {
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let secs = days_from_civil(year, month, day) * DAY
            + i64::from(hour) * 3600
            + i64::from(minute) * 60
            + i64::from(second);
        Some(Self(secs))
    }

    /// Parses an RFC 3339 timestamp (`2025-03-15T00:00:00Z`, `2025-03-15T01:00:00+01:00`,
    /// fractions ignored) or a plain date (`2025-03-15`, taken as midnight UTC).
    pub fn parse_rfc3339(s: &str) -> Option<Self> {
        let b = s.as_bytes();
        let num = |r: core::ops::Range<usize>| -> Option<u32> {
            let digits = b.get(r)?;
            digits.iter().try_fold(0u32, |acc, &d| d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0')))
        };
        if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let (year, month, day) = (i64::from(num(0..4)?), num(5..7)?, num(8..10)?);
        if b.len() == 10 {
            return Self::from_ymd_hms(year, month, day, 0, 0, 0);
        }
        if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
            return None;
        }
        let t = Self::from_ymd_hms(year, month, day, num(11..13)?, num(14..16)?, num(17..19)?)?;
        let mut rest = b.get(19..)?;
        if let Some((b'.', frac)) = rest.split_first() {
            let digits = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            rest = frac.get(digits..)?;
        }
        match rest {
            [b'Z' | b'z'] => Some(t),
            [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
                let d = |c: &u8| c.is_ascii_digit().then(|| i64::from(c - b'0'));
                let offset = (d(h1)? * 10 + d(h2)?) * 3600 + (d(m1)? * 10 + d(m2)?) * 60;
                Some(Self(if *sign == b'+' { t.0 - offset } else { t.0 + offset }))
            }
            _ => None,
        }
    }

    /// The calendar date and time of day: (year, month, day, hour, minute, second).
    pub const fn to_civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(DAY);
        let secs = self.0.rem_euclid(DAY);
        let (y, m, d) = civil_from_days(days);
        (y, m, d, (secs / 3600) as u32, ((secs % 3600) / 60) as u32, (secs % 60) as u32)
    }

    /// Whole seconds from `self` to `later` (negative if `later` is earlier).
    pub const fn seconds_until(self, later: Time) -> i64 {
        later.0.saturating_sub(self.0)
    }
}

impl fmt::Display for Time {
    /// RFC 3339, UTC: `2025-03-15T00:00:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.to_civil();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

/// Whether `year` is a Gregorian leap year.
pub const fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year (0 for an invalid month).
pub const fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
const fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i64;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

const fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn civil_round_trip() {
        for &(y, m, d) in &[(1950, 1, 1), (1970, 1, 1), (2000, 2, 29), (2049, 12, 31), (9999, 12, 31)] {
            let t = Time::ymd(y, m, d);
            assert_eq!(t.to_civil(), (y, m, d, 0, 0, 0));
        }
        assert_eq!(Time::ymd(1970, 1, 2).unix(), DAY);
    }

    #[test]
    fn rfc3339() {
        assert_eq!(Time::parse_rfc3339("2025-03-15"), Some(Time::ymd(2025, 3, 15)));
        assert_eq!(Time::parse_rfc3339("2025-03-15T01:00:00+01:00"), Some(Time::ymd(2025, 3, 15)));
        assert_eq!(
            Time::parse_rfc3339("2025-03-15T00:00:01.5Z").map(Time::unix),
            Some(Time::ymd(2025, 3, 15).unix() + 1)
        );
        assert_eq!(Time::parse_rfc3339("2025-02-30"), None);
        assert_eq!(Time::parse_rfc3339("yesterday"), None);
        assert_eq!(Time::ymd(2025, 3, 15).to_string(), "2025-03-15T00:00:00Z");
    }
}
