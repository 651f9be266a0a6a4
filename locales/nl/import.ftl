# Messages of import (nl).
