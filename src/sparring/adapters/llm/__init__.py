"""The OpenAI-compatible endpoint: the LLM voice, the LLM judge, and `sparring llm check`.

The only package that imports openai, tiktoken or tenacity. Everything here is bounded in time:
every call has connect and read time-outs, one retry policy (tenacity; the SDK's own retries
are off), the turn's budget from `session.progress`, and a circuit breaker that pauses LLM
mode after a failed turn. Modules:

- config: what the runtime hands in (an `Endpoint`); the key is a secret
- errors: every failure in plain words, the key scrubbed out
- retry, breaker, connection: one policy for retries and pauses; one client per endpoint
- tokens, budget: counting tokens offline; fitting a conversation into a prompt budget
- voice_prompt, role_guard, voice: the persona in the LLM's words, in role
- judge_prompt, verdict, judge: the LLM judge, verified against the reply
- check: `sparring llm check`
"""
