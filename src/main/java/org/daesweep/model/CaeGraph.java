package org.daesweep.model;

import org.daesweep.UserException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Builds the convolutional denoising autoencoder of one trial as a SameDiff graph:
 * {@code depth} x (conv, [BatchNorm after the first], maxpool 2x2) | {@code depth} x (conv,
 * upsample 2x) | conv to 1 channel, sigmoid. Convolutions are 3x3-style 'same' padded.
 *
 * <p>SameDiff, not DL4J's layer API: the layers run convolutions as im2col + gemm in Java and
 * train the reference CAE at ~65-110 images/s here, while SameDiff calls libnd4j's conv2d ops,
 * which the oneDNN build runs 5-8x faster (docs/PERFORMANCE.md).
 *
 * <p>BatchNorm needs two graphs: training normalises with the batch statistics, inference with
 * population statistics. Both graphs share the same parameter arrays.
 */
public final class CaeGraph {
    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String OUTPUT = "output";
    public static final String LOSS = "loss";
    static final String PIXEL_LOSS = "pixel_loss";
    public static final String BN_BATCH_MEAN = "bn_batch_mean";
    public static final String BN_BATCH_VAR = "bn_batch_var";
    public static final String BN_MEAN = "bn_mean";
    public static final String BN_VAR = "bn_var";
    static final double BN_EPS = 1e-3;

    private final Hyperparameters hp;
    private final int height;
    private final int width;

    public CaeGraph(Hyperparameters hp, int height, int width) {
        int scale = 1 << hp.depth();
        if (height % scale != 0 || width % scale != 0) {
            throw new UserException("depth " + hp.depth() + " needs image sides divisible by " + scale
                    + ", but the images are " + height + "x" + width);
        }
        this.hp = hp;
        this.height = height;
        this.width = width;
    }

    /** Freshly initialised parameters: Glorot-uniform kernels (Keras' default), zero biases, unit BN scale. */
    public Map<String, INDArray> initialParameters(long seed) {
        Random random = new Random(seed);
        Map<String, INDArray> params = new LinkedHashMap<>();
        int conv = 0;
        for (int[] c : convChannels()) {
            params.put("w" + conv, glorot(random, hp.kernel(), c[0], c[1]));
            params.put("b" + conv, Nd4j.zeros(DataType.FLOAT, c[1]));
            conv++;
        }
        if (hp.batchNorm()) {
            int channels = hp.filtersAt(0);
            params.put("bn_gamma", Nd4j.ones(DataType.FLOAT, channels));
            params.put("bn_beta", Nd4j.zeros(DataType.FLOAT, channels));
            params.put(BN_MEAN, Nd4j.zeros(DataType.FLOAT, channels));
            params.put(BN_VAR, Nd4j.ones(DataType.FLOAT, channels));
        }
        return params;
    }

    /** The graph that trains: loss on the label placeholder, BatchNorm on batch statistics. */
    public SameDiff training(Map<String, INDArray> params) {
        SameDiff sd = graph(params, true);
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(hp.learningRate()))
                .dataSetFeatureMapping(INPUT)
                .dataSetLabelMapping(LABEL)
                .build());
        return sd;
    }

    /** The graph that predicts, with BatchNorm on the population statistics in {@code params}. */
    public SameDiff inference(Map<String, INDArray> params) {
        return graph(params, false);
    }

    private SameDiff graph(Map<String, INDArray> params, boolean training) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, height, width);
        int conv = 0;
        for (int block = 0; block < hp.depth(); block++) {
            x = activation(sd, convolution(sd, x, params, conv++));
            if (block == 0 && hp.batchNorm()) {
                x = batchNorm(sd, x, params, training);
            }
            x = sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build());
        }
        for (int block = hp.depth() - 1; block >= 0; block--) {
            x = activation(sd, convolution(sd, x, params, conv++));
            x = sd.cnn().upsampling2d(x, 2, 2, true);
        }
        SDVariable logits = convolution(sd, x, params, conv);
        SDVariable output = sd.nn().sigmoid(OUTPUT, logits);
        if (training) {
            SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, 1, height, width);
            sd.setLossVariables(loss(sd, logits, output, label));
        }
        return sd;
    }

    /** Input and output channels of every convolution, in graph order. */
    private int[][] convChannels() {
        int depth = hp.depth();
        int[][] c = new int[2 * depth + 1][];
        int in = 1;
        int i = 0;
        for (int block = 0; block < depth; block++) {
            c[i++] = new int[]{in, hp.filtersAt(block)};
            in = hp.filtersAt(block);
        }
        for (int block = depth - 1; block >= 0; block--) {
            c[i++] = new int[]{in, hp.filtersAt(block)};
            in = hp.filtersAt(block);
        }
        c[i] = new int[]{in, 1};
        return c;
    }

    private SDVariable convolution(SameDiff sd, SDVariable x, Map<String, INDArray> params, int index) {
        SDVariable w = sd.var("w" + index, params.get("w" + index));
        SDVariable b = sd.var("b" + index, params.get("b" + index));
        return sd.cnn().conv2d(x, w, b, Conv2DConfig.builder().kH(hp.kernel()).kW(hp.kernel()).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
    }

    /**
     * BatchNorm as y = x * scale + shift per channel, with scale = gamma / sqrt(var + eps) and
     * shift = beta - mean * scale, applied as a 1x1 convolution with the diagonal kernel
     * diag(scale) and bias shift. Written this way because SameDiff 1.0.0-M2.1 cannot
     * differentiate its batchNorm op, and libnd4j's backward of a broadcast multiply took
     * 100-200 ms per step on a 128x32x28x28 tensor (3x the whole step without BatchNorm),
     * while the 1x1 convolution runs in oneDNN. The variance is E[x^2] - E[x]^2, so the big
     * tensor is read by reductions only. The backward pass is checked against finite
     * differences in DenoisingNetworkTest.
     */
    private SDVariable batchNorm(SameDiff sd, SDVariable x, Map<String, INDArray> params, boolean training) {
        int channels = hp.filtersAt(0);
        SDVariable gamma = sd.var("bn_gamma", params.get("bn_gamma"));
        SDVariable beta = sd.var("bn_beta", params.get("bn_beta"));
        SDVariable mean;
        SDVariable variance;
        if (training) {
            mean = sd.mean(BN_BATCH_MEAN, x, false, 0, 2, 3);
            variance = sd.mean(sd.math().square(x), false, 0, 2, 3).sub(BN_BATCH_VAR, mean.mul(mean));
        } else {
            mean = sd.var(BN_MEAN, params.get(BN_MEAN));
            variance = sd.var(BN_VAR, params.get(BN_VAR));
        }
        SDVariable scale = gamma.mul(sd.math().rsqrt(variance.add(BN_EPS)));
        SDVariable shift = beta.sub(mean.mul(scale));
        SDVariable kernel = sd.math().diag(scale).reshape(1, 1, channels, channels);
        return sd.cnn().conv2d(x, kernel, shift, Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1)
                .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
    }

    private SDVariable activation(SameDiff sd, SDVariable x) {
        return switch (hp.activation()) {
            case "relu" -> sd.nn().relu(x, 0);
            case "leakyrelu" -> sd.nn().leakyRelu(x, 0.01);
            case "elu" -> sd.nn().elu(x);
            case "tanh" -> sd.math().tanh(x);
            case "swish" -> sd.nn().swish(x);
            default -> throw new IllegalArgumentException("unknown activation " + hp.activation());
        };
    }

    /** Mean per-pixel loss. Cross-entropy is computed from the logits, the numerically stable form. */
    private SDVariable loss(SameDiff sd, SDVariable logits, SDVariable output, SDVariable label) {
        SDVariable perPixel = switch (hp.loss()) {
            case "mse" -> sd.math().square(PIXEL_LOSS, output.sub(label));
            case "l1" -> sd.math().abs(PIXEL_LOSS, output.sub(label));
            case "bce" -> sd.nn().relu(logits, 0).sub(logits.mul(label))
                    .add(PIXEL_LOSS, sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg())));
            default -> throw new IllegalArgumentException("unknown loss " + hp.loss());
        };
        return perPixel.mean(LOSS);
    }

    /** A [k, k, in, out] kernel (libnd4j's default YXIO layout), uniform in +-sqrt(6 / (fanIn + fanOut)). */
    private static INDArray glorot(Random random, int k, int in, int out) {
        double limit = Math.sqrt(6.0 / (k * k * (in + out)));
        float[] w = new float[k * k * in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
        return Nd4j.create(w, new long[]{k, k, in, out}, 'c');
    }
}
