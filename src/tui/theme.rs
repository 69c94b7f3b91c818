//! Colours and emphasis. With `NO_COLOR` set, only bold, dim and reverse
//! are used, so everything still reads on any terminal. `theme = "light"`
//! in the settings gives colours for a terminal with a light background.

use ratatui::style::{Color, Modifier, Style};

use crate::settings;

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub text: Style,
    pub dim: Style,
    pub accent: Style,
    pub selected: Style,
    pub warning: Style,
    pub key: Style,
    pub border: Style,
    /// Words that match a search.
    pub matched: Style,
}

impl Theme {
    /// The theme for this terminal and the person's choice: plain when
    /// `NO_COLOR` is set to anything, whatever the settings say.
    pub fn from_env(chosen: Option<settings::Theme>) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::choose(no_color, chosen)
    }

    fn choose(no_color: bool, chosen: Option<settings::Theme>) -> Self {
        match (no_color, chosen) {
            (true, _) => Self::plain(),
            (false, Some(settings::Theme::Light)) => Self::light(),
            (false, Some(settings::Theme::Dark) | None) => Self::colour(),
        }
    }

    pub fn colour() -> Self {
        Self {
            title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            accent: Style::new().fg(Color::Cyan),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            warning: Style::new().fg(Color::Yellow),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            matched: Style::new()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// For a light background: dark blues and magenta (cyan and yellow
    /// fade into white), and the highlight as light text on dark blue.
    pub fn light() -> Self {
        Self {
            title: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            accent: Style::new().fg(Color::Blue),
            selected: Style::new().fg(Color::White).bg(Color::Blue),
            warning: Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
            key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            matched: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    pub fn plain() -> Self {
        Self {
            title: Style::new().add_modifier(Modifier::BOLD),
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            accent: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            warning: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles(t: &Theme) -> [Style; 9] {
        [
            t.title, t.text, t.dim, t.accent, t.selected, t.warning, t.key, t.border, t.matched,
        ]
    }

    #[test]
    fn the_light_theme_writes_dark_on_light_and_no_color_still_wins() {
        let light = Theme::choose(false, Some(settings::Theme::Light));
        // No colour that fades into a light background is used for words.
        let faint = [
            Color::Cyan,
            Color::Yellow,
            Color::White,
            Color::LightCyan,
            Color::LightYellow,
        ];
        for style in [
            light.title,
            light.dim,
            light.accent,
            light.warning,
            light.key,
            light.matched,
        ] {
            let fg = style.fg.expect("a colour of its own");
            assert!(!faint.contains(&fg), "{fg:?} fades on a light background");
        }
        assert_eq!(light.text.fg, None, "the terminal's own text colour");
        // The highlight is light words on a dark background.
        assert_eq!(
            (light.selected.fg, light.selected.bg),
            (Some(Color::White), Some(Color::Blue))
        );
        assert_eq!(
            Theme::choose(false, None).title,
            Theme::colour().title,
            "without a setting, the colours as before"
        );
        assert_eq!(
            Theme::choose(false, Some(settings::Theme::Dark)).selected,
            Theme::colour().selected
        );
        for style in styles(&Theme::choose(true, Some(settings::Theme::Light))) {
            assert_eq!((style.fg, style.bg), (None, None), "NO_COLOR wins");
        }
    }

    #[test]
    fn the_plain_theme_uses_no_colour_at_all() {
        for style in styles(&Theme::plain()) {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
    }
}
