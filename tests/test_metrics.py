"""MSA metrics against values worked out by hand, ties at zero included (METHODS.md §6)."""

from __future__ import annotations

import numpy as np
import pytest

from dist_mmfuse.metrics import mosi_metrics, sims_metrics


def test_mosi_metrics_by_hand():
    truth = np.array([2.6, -1.2, 0.0, 0.4, -0.5, 0.0])
    preds = np.array([2.5, 0.0, -0.3, 1.6, -2.8, 0.0])
    m = mosi_metrics(preds, truth)
    assert m["mae"] == pytest.approx((0.1 + 1.2 + 0.3 + 1.2 + 2.3 + 0.0) / 6)
    # has0: truth>=0 [T,F,T,T,F,T], preds>=0 [T,T,F,T,F,T] -> 4 of 6 agree.
    assert m["acc2_has0"] == pytest.approx(4 / 6)
    # non0 drops the two zero truths: truth>0 [T,F,T,F], preds>0 [T,F,T,F] -> all agree.
    assert m["acc2_non0"] == pytest.approx(1.0) and m["f1_non0"] == pytest.approx(1.0)
    # Acc-7: rounded clipped values [3,-1,0,0,-0,0] vs [2,0,-0,2,-3,0] -> agree at 3rd and 6th.
    assert m["acc7"] == pytest.approx(2 / 6)
    # Acc-5: clip to +-2 first: truth [2,-1,0,0,-0,0], preds [2,0,-0,2,-2,0] -> agree at 1st, 3rd and 6th.
    assert m["acc5"] == pytest.approx(3 / 6)
    # Weighted F1 for has0 with truth classes {T: 4, F: 2}:
    # class T: tp=3, fp=1, fn=1 -> F1 0.75; class F: tp=1, fp=1, fn=1 -> F1 0.5.
    assert m["f1_has0"] == pytest.approx((4 * 0.75 + 2 * 0.5) / 6)
    assert m["corr"] == pytest.approx(np.corrcoef(preds, truth)[0, 1])


def test_round_half_to_even_in_acc7():
    m = mosi_metrics(np.array([0.5, 1.5, -2.5]), np.array([0.0, 2.0, -2.0]))
    assert m["acc7"] == pytest.approx(1.0)


def test_sims_metrics_by_hand():
    truth = np.array([-1.0, 0.0, 0.05, 0.4, 1.2])
    preds = np.array([-0.8, 0.1, 0.0, 0.8, 0.9])
    m = sims_metrics(preds, truth)
    # clipped truth [-1, 0, 0.05, 0.4, 1]; 2 classes (<=0 | >0): truth [0,0,1,1,1], preds [0,1,0,1,1].
    assert m["acc2"] == pytest.approx(3 / 5)
    # 3 classes: truth [0,1,1,2,2]; preds [0,1,1,2,2].
    assert m["acc3"] == pytest.approx(1.0)
    # 5 classes (edges -0.7, -0.1, 0.1, 0.7): truth [0,2,2,3,4], preds [0,2,2,4,4].
    assert m["acc5"] == pytest.approx(4 / 5)
    assert m["mae"] == pytest.approx((0.2 + 0.1 + 0.05 + 0.4 + 0.1) / 5)
    # weighted F1 over 2 classes: class 0 (support 2): tp 1, fp 1, fn 1 -> 0.5; class 1 (support 3): tp 2 -> 2/3.
    assert m["f1"] == pytest.approx((2 * 0.5 + 3 * (2 / 3)) / 5)
