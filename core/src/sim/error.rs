//! Why a scenario could not be simulated.

use crate::sim::scenario::{ByteEdit, Tamper};

/// Why a scenario could not be simulated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    /// Something the user typed or chose is not acceptable.
    #[error("{0}")]
    InvalidInput(String),
    /// The tamper position does not exist on this session's wire.
    #[error("--tamper {record}:{offset}: {why}")]
    TamperOutOfRange {
        /// The record asked for.
        record: usize,
        /// The byte asked for.
        offset: usize,
        /// What the wire really had.
        why: String,
    },
    /// A wire edit names a record or byte this session's wire lacks.
    #[error("edit of record {record} byte {offset}: {why}")]
    EditOutOfRange {
        /// The record asked for.
        record: usize,
        /// The byte asked for.
        offset: usize,
        /// What the wire really had.
        why: String,
    },
    /// A bug or a failing library: not the user's fault.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The error for a `--tamper` position that the wire (records of these lengths) lacks.
pub(crate) fn tamper_out_of_range(tamper: Tamper, records: &[usize]) -> SimError {
    let why = match records.get(tamper.record) {
        None => format!(
            "the wire carries only {} records (0 to {})",
            records.len(),
            records.len().saturating_sub(1)
        ),
        Some(len) => format!(
            "record {} has only {len} bytes (0 to {})",
            tamper.record,
            len.saturating_sub(1)
        ),
    };
    SimError::TamperOutOfRange {
        record: tamper.record,
        offset: tamper.offset,
        why,
    }
}

/// The error for a wire edit whose record or byte the wire (records of these
/// lengths) lacks.
pub(crate) fn edit_out_of_range(edit: ByteEdit, records: &[usize]) -> SimError {
    let SimError::TamperOutOfRange { why, .. } = tamper_out_of_range(
        Tamper {
            record: edit.record,
            offset: edit.offset,
            mask: 1,
        },
        records,
    ) else {
        return SimError::Internal("edit out of range".into());
    };
    SimError::EditOutOfRange {
        record: edit.record,
        offset: edit.offset,
        why,
    }
}
