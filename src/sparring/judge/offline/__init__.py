"""The offline judge: rules that detect moves with their evidence, scores from the
rubric, and a suggested better reply."""

from sparring.judge.offline.judge import OfflineJudge

__all__ = ["OfflineJudge"]
