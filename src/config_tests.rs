//! Configuration loading: layers, unknown keys, the example file.

mod unit {
    use super::super::*;

    fn vars(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn file_values_override_defaults_and_env_overrides_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("councilbot.yaml");
        std::fs::write(
            &path,
            "server:\n  listen: 127.0.0.1:9000\n  max_message_bytes: 100\n",
        )
        .unwrap();
        let mut config = Config::from_file(&path).unwrap();
        assert_eq!(config.server.listen.port(), 9000);
        assert_eq!(config.server.max_message_bytes, 100);
        assert_eq!(
            config.server.rate_limit_burst, 10,
            "unset keys keep their defaults"
        );

        config
            .apply_env(vars(&[
                ("COUNCILBOT_LISTEN", "127.0.0.1:9100"),
                ("PATH", "/bin"),
            ]))
            .unwrap();
        assert_eq!(config.server.listen.port(), 9100);
    }

    #[test]
    fn unknown_key_is_an_error_naming_key_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("councilbot.yaml");
        std::fs::write(
            &path,
            "server:\n  listen: 127.0.0.1:9000\n  max_mesage_bytes: 100\n",
        )
        .unwrap();
        let error = Config::from_file(&path).unwrap_err().to_string();
        assert!(
            error.contains(":3: server: unknown field `max_mesage_bytes`"),
            "{error}"
        );
    }

    #[test]
    fn unknown_env_var_is_an_error_but_test_vars_are_ignored() {
        let mut config = Config::default();
        let error = config
            .apply_env(vars(&[("COUNCILBOT_LISTN", "x")]))
            .unwrap_err();
        assert!(error.to_string().contains("COUNCILBOT_LISTN"));
        config
            .apply_env(vars(&[("COUNCILBOT_TEST_DATABASE_URL", "postgres://x")]))
            .unwrap();
    }

    #[test]
    fn languages_and_origins_parse_as_lists() {
        let mut config = Config::default();
        config
            .apply_env(vars(&[
                ("COUNCILBOT_LANGUAGES", "en, cy,pl"),
                ("COUNCILBOT_ALLOWED_ORIGINS", "https://www.example.gov.uk"),
            ]))
            .unwrap();
        assert_eq!(config.languages.enabled.unwrap(), ["en", "cy", "pl"]);
        assert_eq!(
            config.server.allowed_origins,
            ["https://www.example.gov.uk"]
        );
    }

    #[test]
    fn default_database_is_a_file_in_the_data_dir() {
        let storage = StorageConfig {
            data_dir: PathBuf::from("/tmp/cb"),
            database_url: None,
        };
        assert_eq!(
            storage.effective_database_url(),
            "sqlite:///tmp/cb/councilbot.db?mode=rwc"
        );
    }
}

mod example_file {
    use super::super::*;

    /// `councilbot.example.yaml` documents the defaults; it must parse and agree.
    #[test]
    fn the_example_file_parses_and_states_the_defaults() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("councilbot.example.yaml");
        let example = Config::from_file(&path).unwrap();
        let defaults = Config {
            source: example.source.clone(),
            ..Config::default()
        };
        assert_eq!(
            serde_json::to_value(&example).unwrap(),
            serde_json::to_value(&defaults).unwrap()
        );
    }
}
