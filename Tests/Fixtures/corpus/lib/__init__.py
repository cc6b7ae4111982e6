"""The corpus generator's parts: Word XML helpers, inline markup, house styles, papers."""
