# Messages of serve (nl).
