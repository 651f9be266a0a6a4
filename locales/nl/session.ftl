# Messages of session (nl).
