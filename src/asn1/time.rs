//! UTCTime and GeneralizedTime, read leniently: a readable value that is not in the form
//! RFC 5280 §4.1.2.5 requires still yields its instant, together with what is wrong.

use core::fmt;

use crate::time::Time;

/// A readable time value that breaks the RFC 5280 profile (or is not DER).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeError {
    /// Not readable as a time at all.
    Invalid(&'static str),
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid(why) => f.write_str(why),
        }
    }
}

/// A decoded time and the first deviation from the profile, if any.
pub type Lenient = (Time, Option<&'static str>);

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() {
        return None;
    }
    b.iter().try_fold(0u32, |acc, &d| d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0')))
}

/// Parses UTCTime content octets (`YYMMDDHHMM[SS](Z|±hhmm)`). RFC 5280 requires
/// `YYMMDDHHMMSSZ`; other readable forms come back with a deviation.
pub fn parse_utc_time(b: &[u8]) -> Result<Lenient, TimeError> {
    let yy = b.get(0..2).and_then(digits).ok_or(TimeError::Invalid("UTCTime year is not two digits"))?;
    let year = i64::from(if yy >= 50 { 1900 + yy } else { 2000 + yy });
    parse_rest(year, b.get(2..).unwrap_or_default(), false)
}

/// Parses GeneralizedTime content octets (`YYYYMMDDHH[MM[SS[.fff]]](Z|±hhmm)`). RFC 5280
/// requires `YYYYMMDDHHMMSSZ` without fractions.
pub fn parse_generalized_time(b: &[u8]) -> Result<Lenient, TimeError> {
    let year = b.get(0..4).and_then(digits).ok_or(TimeError::Invalid("GeneralizedTime year is not four digits"))?;
    parse_rest(i64::from(year), b.get(4..).unwrap_or_default(), true)
}

fn parse_rest(year: i64, b: &[u8], generalized: bool) -> Result<Lenient, TimeError> {
    let two = |r: core::ops::Range<usize>| b.get(r).and_then(digits);
    let month = two(0..2).ok_or(TimeError::Invalid("month is not two digits"))?;
    let day = two(2..4).ok_or(TimeError::Invalid("day is not two digits"))?;
    let hour = two(4..6).ok_or(TimeError::Invalid("hour is not two digits"))?;
    let mut defect = None;
    let mut note = |d: &'static str| {
        if defect.is_none() {
            defect = Some(d);
        }
    };
    let mut pos = 6;
    let mut minute = 0;
    let mut second = 0;
    match two(6..8) {
        Some(m) => {
            minute = m;
            pos = 8;
        }
        None if generalized => note("minutes are missing"),
        None => return Err(TimeError::Invalid("UTCTime minutes are missing")),
    }
    if pos == 8 {
        match two(8..10) {
            Some(s) => {
                second = s;
                pos = 10;
            }
            None => note("seconds are missing"),
        }
    }
    let mut rest = b.get(pos..).unwrap_or_default();
    if let Some((&sep, frac)) = rest.split_first() {
        if sep == b'.' || sep == b',' {
            if !generalized {
                return Err(TimeError::Invalid("UTCTime cannot carry fractional seconds"));
            }
            let n = frac.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return Err(TimeError::Invalid("empty fraction of a second"));
            }
            note("fractional seconds are not allowed");
            rest = frac.get(n..).unwrap_or_default();
        }
    }
    let offset: i64 = match rest {
        [b'Z'] => 0,
        [] => {
            note("time zone is missing (local time)");
            0
        }
        [sign @ (b'+' | b'-'), zone @ ..] => {
            let hh = zone.get(0..2).and_then(digits);
            let mm = zone.get(2..4).and_then(digits);
            match (hh, mm, zone.len()) {
                (Some(h), Some(m), 4) if h < 24 && m < 60 => {
                    note("time is not expressed in UTC (Z)");
                    let o = i64::from(h) * 3600 + i64::from(m) * 60;
                    if *sign == b'+' {
                        o
                    } else {
                        -o
                    }
                }
                _ => return Err(TimeError::Invalid("malformed time zone offset")),
            }
        }
        _ => return Err(TimeError::Invalid("unexpected characters after the time")),
    };
    let t = Time::from_ymd_hms(year, month, day, hour, minute, second)
        .ok_or(TimeError::Invalid("date or time of day out of range"))?;
    Ok((Time::from_unix(t.unix() - offset), defect))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_time_forms() {
        let (t, d) = parse_utc_time(b"250315000000Z").unwrap();
        assert_eq!((t, d), (Time::ymd(2025, 3, 15), None));
        assert_eq!(parse_utc_time(b"500101000000Z").unwrap().0, Time::ymd(1950, 1, 1));
        assert_eq!(parse_utc_time(b"2503150000Z").unwrap().1, Some("seconds are missing"));
        let (t, d) = parse_utc_time(b"250315010000+0100").unwrap();
        assert_eq!((t, d), (Time::ymd(2025, 3, 15), Some("time is not expressed in UTC (Z)")));
        assert!(parse_utc_time(b"251315000000Z").is_err());
        assert!(parse_utc_time(b"25031500000Z").is_err());
        assert!(parse_utc_time(b"").is_err());
    }

    #[test]
    fn generalized_time_forms() {
        assert_eq!(parse_generalized_time(b"20500101000000Z").unwrap(), (Time::ymd(2050, 1, 1), None));
        assert_eq!(parse_generalized_time(b"20500101000000.5Z").unwrap().1, Some("fractional seconds are not allowed"));
        assert!(parse_generalized_time(b"2050010100000Z").is_err());
        assert!(parse_generalized_time(b"20500101000000.Z").is_err());
    }
}
