package org.daesweep.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnfoldTest {
    @Test
    void aOneByOneConvolutionOfTheUnfoldedImageIsTheSamePaddedConvolution() {
        for (int k : new int[]{3, 5}) {
            INDArray x = Nd4j.rand(DataType.FLOAT, 3, 1, 7, 9);
            INDArray w = Nd4j.rand(DataType.FLOAT, k, k, 1, 4).sub(0.5);
            INDArray b = Nd4j.rand(DataType.FLOAT, 4);
            INDArray direct = conv(x, w, b, k, PaddingMode.SAME);
            INDArray unfolded = new Unfold(k).apply(x);
            assertArrayEquals(new long[]{3, (long) k * k, 7, 9}, unfolded.shape());
            INDArray viaUnfold = conv(unfolded, w.reshape(1, 1, (long) k * k, 4), b, 1, PaddingMode.VALID);
            assertTrue(direct.equalsWithEps(viaUnfold, 1e-5), "kernel " + k);
            int c = Unfold.centre(k);
            assertTrue(x.equalsWithEps(unfolded.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(c, c + 1)), 0), "the centre channel is the image");
        }
    }

    private static INDArray conv(INDArray x, INDArray w, INDArray b, int k, PaddingMode mode) {
        Conv2DConfig config = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).paddingMode(mode).dataFormat("NCHW").build();
        return Nd4j.exec(new Conv2D(x, w, b, config))[0];
    }
}
