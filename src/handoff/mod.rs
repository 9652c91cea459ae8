//! The handoff queue: residents waiting for a person, agents and their chats.
