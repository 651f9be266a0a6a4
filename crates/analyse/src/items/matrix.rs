//! The input of an item analysis: one row of scores per kandidaat, one column per question, and
//! each question's maximum. Checked when made, so that every figure after it can rely on finite
//! scores within 0..=maximum.

/// Scores of kandidaten (rows) on questions (columns), with each question's maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreMatrix {
    /// Each question's maximum score, one per column.
    maxima: Vec<f64>,
    /// The scores, row by row (kandidaat after kandidaat).
    scores: Vec<f64>,
}

/// Why scores do not make a [`ScoreMatrix`]. Columns and kandidaten count from 0; the CSV reader
/// checks its cells first and says where, so these are the library's own preconditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixError {
    /// No question: nothing to analyse.
    NoQuestions,
    /// No kandidaat: nothing to analyse.
    NoKandidaten,
    /// A row has a different number of scores than there are questions.
    RowLength {
        /// The row.
        kandidaat: usize,
        /// Its number of scores.
        len: usize,
    },
    /// A question's maximum is not a positive finite number.
    Maximum {
        /// The question (column).
        question: usize,
    },
    /// A score is not a finite number from 0 to the question's maximum.
    Score {
        /// The row.
        kandidaat: usize,
        /// The question (column).
        question: usize,
    },
}

impl ScoreMatrix {
    /// The matrix of `rows` (one per kandidaat, one score per question) with the questions'
    /// `maxima`, or the first thing wrong with them.
    pub fn new<R: AsRef<[f64]>>(maxima: Vec<f64>, rows: &[R]) -> Result<ScoreMatrix, MatrixError> {
        if maxima.is_empty() {
            return Err(MatrixError::NoQuestions);
        }
        if rows.is_empty() {
            return Err(MatrixError::NoKandidaten);
        }
        if let Some(question) = maxima.iter().position(|m| !(m.is_finite() && *m > 0.0)) {
            return Err(MatrixError::Maximum { question });
        }
        let mut scores = Vec::with_capacity(rows.len() * maxima.len());
        for (kandidaat, row) in rows.iter().enumerate() {
            let row = row.as_ref();
            if row.len() != maxima.len() {
                return Err(MatrixError::RowLength {
                    kandidaat,
                    len: row.len(),
                });
            }
            for (question, (&x, &max)) in row.iter().zip(&maxima).enumerate() {
                if !(x.is_finite() && (0.0..=max).contains(&x)) {
                    return Err(MatrixError::Score {
                        kandidaat,
                        question,
                    });
                }
            }
            scores.extend_from_slice(row);
        }
        Ok(ScoreMatrix { maxima, scores })
    }

    /// How many kandidaten (rows).
    pub fn kandidaten(&self) -> usize {
        self.scores.len() / self.maxima.len()
    }

    /// How many questions (columns).
    pub fn questions(&self) -> usize {
        self.maxima.len()
    }

    /// Each question's maximum score.
    pub fn maxima(&self) -> &[f64] {
        &self.maxima
    }

    /// The rows of scores, kandidaat after kandidaat.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[f64]> {
        self.scores.chunks_exact(self.maxima.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every precondition is refused with the place it fails; a good matrix keeps its shape.
    #[test]
    fn refuses_what_is_not_a_score_matrix() {
        let row: &[&[f64]] = &[&[1.0, 0.0]];
        assert_eq!(ScoreMatrix::new(vec![], row), Err(MatrixError::NoQuestions));
        let none: &[&[f64]] = &[];
        assert_eq!(
            ScoreMatrix::new(vec![1.0], none),
            Err(MatrixError::NoKandidaten)
        );
        assert_eq!(
            ScoreMatrix::new(vec![1.0, 0.0], row),
            Err(MatrixError::Maximum { question: 1 })
        );
        assert_eq!(
            ScoreMatrix::new(vec![1.0, f64::INFINITY], row),
            Err(MatrixError::Maximum { question: 1 })
        );
        let short: &[&[f64]] = &[&[1.0, 0.0], &[1.0]];
        assert_eq!(
            ScoreMatrix::new(vec![1.0, 1.0], short),
            Err(MatrixError::RowLength {
                kandidaat: 1,
                len: 1
            })
        );
        for bad in [2.0, -0.5, f64::NAN] {
            let rows: &[&[f64]] = &[&[1.0, 0.0], &[0.0, bad]];
            assert_eq!(
                ScoreMatrix::new(vec![1.0, 1.0], rows),
                Err(MatrixError::Score {
                    kandidaat: 1,
                    question: 1
                })
            );
        }
        let m = ScoreMatrix::new(vec![1.0, 2.0], &[[1.0, 2.0], [0.0, 0.5], [1.0, 0.0]]).unwrap();
        assert_eq!((m.kandidaten(), m.questions()), (3, 2));
        assert_eq!(m.rows().nth(1), Some(&[0.0, 0.5][..]));
    }
}
