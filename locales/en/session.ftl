# Messages of session (en).
