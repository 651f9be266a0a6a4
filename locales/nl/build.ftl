# Messages of build (nl).
