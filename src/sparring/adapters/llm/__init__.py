"""The OpenAI-compatible endpoint: the LLM voice and the LLM judge. The only package that may
import `openai` (the layering test checks it)."""
