//! Sizes of the window the app is laid out for, shared by the updates
//! (which must not act on keys the person cannot see) and the views.

/// The smallest window the layout is made for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Whether a window of this size can show the app at all.
pub fn fits(width: u16, height: u16) -> bool {
    width >= MIN_WIDTH && height >= MIN_HEIGHT
}
