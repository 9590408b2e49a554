//! How domain values are stored: each type says once how it becomes a SQL
//! value and back, so no query maps a kind, a grade or a day by hand.
//!
//! Days are stored as whole days counted from 0001-01-01 (day 1), which
//! sorts and compares as an integer in SQL (docs/collection.md).

use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::clock::{day_from_number, day_number};
use crate::domain::{CardId, Grade, ReviewKind};

/// A local day as stored in `due_day` and `interviews.day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(pub NaiveDate);

impl ToSql for Day {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(day_number(self.0)))
    }
}

impl FromSql for Day {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(|n| Day(day_from_number(n)))
    }
}

impl ToSql for CardId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        self.as_str().to_sql()
    }
}

impl FromSql for CardId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        String::column_result(value).map(CardId)
    }
}

impl ToSql for Grade {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.name()))
    }
}

impl FromSql for Grade {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let name = value.as_str()?;
        Grade::from_name(name)
            .ok_or_else(|| FromSqlError::Other(format!("unknown grade `{name}`").into()))
    }
}

impl ToSql for ReviewKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.name()))
    }
}

impl FromSql for ReviewKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let name = value.as_str()?;
        ReviewKind::from_name(name)
            .ok_or_else(|| FromSqlError::Other(format!("unknown answer kind `{name}`").into()))
    }
}
