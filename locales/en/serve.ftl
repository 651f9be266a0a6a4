# Messages of serve (en).
