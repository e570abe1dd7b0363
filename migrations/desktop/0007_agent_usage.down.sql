DROP TABLE agent_calls;
