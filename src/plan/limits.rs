//! The limits a plan must keep, in one place: generous for real plans (the V1 plan is 7 KB with
//! 25 toetstermen; a plan of 300 toetstermen builds), small enough that no file can make a check
//! or a build take unbounded time or memory. README lists them.

/// The longest plan code, in characters (it becomes a folder name).
pub const MAX_CODE_CHARS: usize = 20;

/// Whether a plan code is valid: 1 to [`MAX_CODE_CHARS`] ASCII letters and digits.
pub fn valid_plan_code(code: &str) -> bool {
    (1..=MAX_CODE_CHARS).contains(&code.len()) && code.chars().all(|ch| ch.is_ascii_alphanumeric())
}
