//! The simulation: a scenario becomes a [`Timeline`].
//!
//! Client and server exchange records over channels through a [`tap`] that sees
//! every byte in both directions (the eavesdropper) and can change one (the
//! attacker). All randomness comes from one seeded [`LabRng`](crate::crypto::LabRng)
//! and all time from the simulated clock, so the same scenario gives the same bytes
//! on every machine.

mod apps;
pub mod clock;
pub mod compromise;
mod driver;
pub mod error;
pub(crate) mod records;
pub mod scenario;
pub mod scenario_pki;
pub mod simulate;
pub mod step_name;
pub mod tap;
pub mod timeline;

pub use error::SimError;
pub use scenario::{ByteEdit, Scenario, ScenarioName, Tamper};
pub use simulate::simulate;
pub use step_name::{RecordedSession, StepKind, StepName};
pub use tap::{Observation, ObservationKind};
pub use timeline::{DecryptionAttempt, Learned, Outcome, SessionPki, Step, Timeline, WireRecord};
