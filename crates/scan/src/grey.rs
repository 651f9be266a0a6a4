//! A grey page image, 8 bits a pixel (0 black, 255 white), row by row: what every scan becomes
//! before it is read, whatever its file held (colour, grey or black and white).

use crate::limits::{MAX_PIXELS, MAX_SIDE};

/// A grey image within the size limits ([`MAX_SIDE`], [`MAX_PIXELS`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grey {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Grey {
    /// An image of `width` × `height` from its pixels, row by row; `None` when the pixels do not
    /// fill it or it is empty or larger than the limits allow.
    pub fn new(width: u32, height: u32, pixels: Vec<u8>) -> Option<Grey> {
        let fits = within_limits(width, height)
            && pixels.len() as u64 == u64::from(width) * u64::from(height);
        fits.then_some(Grey {
            width,
            height,
            pixels,
        })
    }

    /// The width in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// The height in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The pixels, row by row.
    pub fn pixels(&self) -> &[u8] {
        &self.pixels
    }

    /// The pixels, row by row, to change them.
    pub fn pixels_mut(&mut self) -> &mut [u8] {
        &mut self.pixels
    }

    /// The image's pixels, row by row, given up.
    pub fn into_pixels(self) -> Vec<u8> {
        self.pixels
    }

    /// The pixel at (x, y); white outside the image.
    pub fn get(&self, x: i64, y: i64) -> u8 {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return 255;
        }
        self.pixels[y as usize * self.width as usize + x as usize]
    }

    /// The image at a point between pixels, interpolated from the four around it (pixel (x, y)
    /// covers [x, x+1) × [y, y+1), so its centre is at (x + 0.5, y + 0.5)).
    pub fn sample(&self, x: f64, y: f64) -> f64 {
        let (fx, fy) = (x - 0.5, y - 0.5);
        let (x0, y0) = (fx.floor(), fy.floor());
        let (ax, ay) = (fx - x0, fy - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let p = |dx: i64, dy: i64| f64::from(self.get(x0 + dx, y0 + dy));
        let top = p(0, 0) * (1.0 - ax) + p(1, 0) * ax;
        let bottom = p(0, 1) * (1.0 - ax) + p(1, 1) * ax;
        top * (1.0 - ay) + bottom * ay
    }
}

/// Whether an image of `width` × `height` is within the size limits (and not empty).
pub fn within_limits(width: u32, height: u32) -> bool {
    width > 0
        && height > 0
        && width <= MAX_SIDE
        && height <= MAX_SIDE
        && u64::from(width) * u64::from(height) <= MAX_PIXELS
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pixels must fill the image, and absurd sizes are refused.
    #[test]
    fn sizes_are_checked() {
        assert!(Grey::new(2, 2, vec![0; 4]).is_some());
        assert!(Grey::new(2, 2, vec![0; 3]).is_none());
        assert!(Grey::new(0, 0, vec![]).is_none());
        assert!(!within_limits(MAX_SIDE + 1, 10));
        assert!(!within_limits(MAX_SIDE, MAX_SIDE));
    }

    /// Sampling at a pixel's centre gives the pixel, halfway between two gives their mean, and
    /// outside the image is white.
    #[test]
    fn sampling_interpolates() {
        let g = Grey::new(2, 1, vec![0, 200]).unwrap();
        assert_eq!(g.sample(0.5, 0.5), 0.0);
        assert_eq!(g.sample(1.5, 0.5), 200.0);
        assert_eq!(g.sample(1.0, 0.5), 100.0);
        assert_eq!(g.get(-1, 0), 255);
    }
}
