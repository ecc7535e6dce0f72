package org.daesweep.model;

import org.daesweep.UserException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Collections;
import java.util.function.Supplier;

/**
 * Builds the denoiser of one trial as a SameDiff graph, NCHW, 'same' padded convolutions, in the
 * structure {@link Topology} writes (the CAE or the U-Net).
 * Both end in a 1-channel convolution, then a sigmoid or nothing ({@code output = linear}). With
 * {@code residual} the last convolution adds to the noisy input's logit (sigmoid), so the output
 * stays a probability that every loss accepts, or to the input itself (linear, DnCNN's residual).
 * A linear output is clipped to [0, 1] when predicting, never while training.
 *
 * <p>SameDiff, not DL4J's layer API: the layers run convolutions as im2col + gemm in Java,
 * while SameDiff calls libnd4j's conv2d ops, which the oneDNN build runs natively (docs/DESIGN.md).
 *
 * <p>Training and inference are two graphs over the same parameter arrays: BatchNorm normalises
 * with batch statistics in one and population statistics in the other; dropout acts in the
 * first only. Parameters are created while the graph is built, so the structure is written once.
 */
public final class SameDiffGraph {
    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String OUTPUT = "output";
    public static final String LOSS = "loss";
    /** Training only, with dropout: the [n, c, h, w] mask of the deepest features, 0 or 1/keep per unit. */
    static final String DROPOUT_MASK = "dropout_mask";
    static final String PIXEL_LOSS = "pixel_loss";
    static final String GAMMA = "_gamma";
    static final String BETA = "_beta";
    static final String MEAN = "_mean";
    static final String VAR = "_var";
    static final String BATCH_MEAN = "_batch_mean";
    static final String BATCH_VAR = "_batch_var";
    static final double BN_EPS = 1e-3;
    /** The residual path clamps the input before its logit, so black and white pixels stay finite. */
    private static final double RESIDUAL_CLAMP = 0.01;

    private final Hyperparameters hp;
    private final int height;
    private final int width;

    public SameDiffGraph(Hyperparameters hp, int height, int width) {
        Topology.sizeProblem(hp.depth(), height, width).ifPresent(problem -> {
            throw new UserException(problem);
        });
        if (hp.linearOutput() && hp.loss().equals("bce")) {
            throw new UserException("loss = bce needs output = sigmoid: cross-entropy is defined on probabilities");
        }
        this.hp = hp;
        this.height = height;
        this.width = width;
    }

    /** Freshly initialised parameters: Glorot-uniform kernels (Keras' default), zero biases, unit BN scale. */
    public Map<String, INDArray> initialParameters(long seed) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        new Builder(params, new Random(seed), false).build();
        return params;
    }

    /** The graph that trains: loss on the label placeholder, BatchNorm on batch statistics, dropout on. */
    public SameDiff training(Map<String, INDArray> params, long totalSteps) {
        SameDiff sd = new Builder(params, null, true).build();
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(new Adam(new LearningRateSchedule(hp.lrSchedule(), hp.learningRate(), totalSteps)))
                .dataSetFeatureMapping(hp.dropout() > 0 ? new String[]{INPUT, DROPOUT_MASK} : new String[]{INPUT})
                .dataSetLabelMapping(LABEL)
                .build());
        return sd;
    }

    /**
     * The shape of one image's dropout mask: the deepest features, after the CAE's last pooling
     * or the U-Net's bottleneck block.
     */
    long[] dropoutShape() {
        return new long[]{hp.deepestChannels(), height >> hp.depth(), width >> hp.depth()};
    }

    /** The graph that predicts, with BatchNorm on the population statistics in {@code params}. */
    public SameDiff inference(Map<String, INDArray> params) {
        return new Builder(params, null, false).build();
    }

    /** The BatchNorm layers' names in graph order (bn0, bn1, ...). */
    static List<String> batchNormLayers(Map<String, INDArray> params) {
        return params.keySet().stream().filter(k -> k.endsWith(GAMMA))
                .map(k -> k.substring(0, k.length() - GAMMA.length())).toList();
    }

    /** Population statistics, which are not trained. */
    static boolean isStatistic(String parameter) {
        return parameter.endsWith(MEAN) || parameter.endsWith(VAR);
    }

    /** One pass that writes the graph; creates missing parameters when given a random source. */
    private final class Builder implements Topology.Backend<SDVariable> {
        private final SameDiff sd = SameDiff.create();
        private final Map<String, INDArray> params;
        private final Random init;
        private final boolean training;
        private int convs;
        private int norms;

        Builder(Map<String, INDArray> params, Random init, boolean training) {
            this.params = params;
            this.init = init;
            this.training = training;
        }

        SameDiff build() {
            SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, height, width);
            SDVariable logits = Topology.logits(hp, this, input);
            SDVariable output;
            if (hp.linearOutput()) {
                SDVariable estimate = hp.residual() ? logits.add(input) : logits;
                output = training ? sd.identity(OUTPUT, estimate) : sd.math().clipByValue(OUTPUT, estimate, 0, 1);
            } else {
                if (hp.residual()) {
                    SDVariable p = sd.math().clipByValue(input, RESIDUAL_CLAMP, 1 - RESIDUAL_CLAMP);
                    logits = logits.add(sd.math().log(p.div(p.rsub(1.0))));
                }
                output = sd.nn().sigmoid(OUTPUT, logits);
            }
            if (training) {
                SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, 1, height, width);
                sd.setLossVariables(loss(logits, output, label));
            }
            return sd;
        }

        @Override
        public SDVariable pool(SDVariable x) {
            return sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).isNHWC(false).build());
        }

        @Override
        public SDVariable upsample(SDVariable x) {
            return sd.cnn().upsampling2d(x, 2, 2, true);
        }

        @Override
        public SDVariable concat(SDVariable a, SDVariable b) {
            return sd.concat(1, a, b);
        }

        /**
         * Inverted dropout, scaled while training so that inference needs no rescaling. The mask is
         * fed, not drawn in the graph: SameDiff 1.0.0-M2.1's dropout ops have no derivative.
         */
        @Override
        public SDVariable dropout(SDVariable x) {
            if (!training || hp.dropout() == 0) {
                return x;
            }
            long[] shape = dropoutShape();
            return x.mul(sd.placeHolder(DROPOUT_MASK, DataType.FLOAT, -1, shape[0], shape[1], shape[2]));
        }

        @Override
        public SDVariable conv(SDVariable x, int in, int out) {
            Filters f = filters(in, out);
            return sameConv(x, f.kernel(), f.bias(), hp.kernel());
        }

        /**
         * Nearest upsampling then a convolution. With fewer output than input channels (the
         * 1-channel output convolution) it is computed as the equal sub-pixel convolution: one
         * convolution at the low resolution with a kernel per output phase (derived from the
         * learned kernel by {@link SubPixel}), whose 4 x out channels depth-to-space interleaves.
         * The upsampled tensor is never made: upsampling2d, its backward pass and the
         * convolution's reorders of that 4x larger tensor took ~30 ms of the baseline's ~75 ms step.
         */
        @Override
        public SDVariable upsampleConv(SDVariable x, int in, int out) {
            if (out >= in) {
                // The sub-pixel form trades the upsampled input (4 x in channels' worth of pixels)
                // for depth-to-space on its output (4 x out): libnd4j runs both data movements as
                // per-element lambdas, so it pays only when it moves fewer pixels. For the CAE's
                // inner 32 -> 32 stage it was 10% slower per step than upsampling2d.
                return conv(upsample(x), in, out);
            }
            Filters f = filters(in, out);
            int k = hp.kernel();
            SubPixel phases = new SubPixel(k);
            int size = phases.size();
            SDVariable kernel = sd.constant(phases.transform()).mmul(f.kernel().reshape(k * k, in * out))
                    .reshape(SubPixel.PHASES, size, size, in, out)
                    .permute(1, 2, 3, 0, 4).reshape(size, size, in, SubPixel.PHASES * out);
            SDVariable bias = sd.concat(0, Collections.nCopies(SubPixel.PHASES, f.bias())
                    .toArray(new SDVariable[0]));
            return sd.cnn().depthToSpace(sameConv(x, kernel, bias, size), 2, DataFormat.NCHW);
        }

        /** A convolution's learned kernel [k, k, in, out] and bias, named by the order of the walk. */
        private record Filters(SDVariable kernel, SDVariable bias) {
        }

        private Filters filters(int in, int out) {
            int index = convs++;
            int k = hp.kernel();
            return new Filters(variable("w" + index, () -> glorot(init, k, in, out)),
                    variable("b" + index, () -> Nd4j.zeros(DataType.FLOAT, out)));
        }

        private SDVariable sameConv(SDVariable x, SDVariable w, SDVariable b, int k) {
            return sd.cnn().conv2d(x, w, b, Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1)
                    .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
        }

        /**
         * BatchNorm as y = x * scale + shift per channel, with scale = gamma / sqrt(var + eps) and
         * shift = beta - mean * scale, applied as a 1x1 depthwise convolution with kernel scale
         * and bias shift. Written this way because SameDiff 1.0.0-M2.1 cannot differentiate its
         * batchNorm op, and libnd4j's backward of a broadcast multiply took 100-200 ms per step on
         * a 128x32x28x28 tensor (3x the whole step without BatchNorm; 159 ms for 64 channels
         * today). A dense 1x1 convolution with the diagonal kernel diag(scale), used before,
         * spends channels^2 multiply-adds per pixel: at 128 channels its backward took 462 ms
         * per step, the depthwise one 398 ms. The variance is E[x*x] - E[x]^2, so the big tensor
         * is read by reductions only; x*x, not square(x), whose backward is a per-element lambda
         * (19 ms of the 64-filter step). The backward pass is checked against finite differences
         * in DenoisingNetworkTest.
         */
        @Override
        public SDVariable batchNorm(SDVariable x, int channels) {
            String name = "bn" + norms++;
            SDVariable gamma = variable(name + GAMMA, () -> Nd4j.ones(DataType.FLOAT, channels));
            SDVariable beta = variable(name + BETA, () -> Nd4j.zeros(DataType.FLOAT, channels));
            SDVariable populationMean = variable(name + MEAN, () -> Nd4j.zeros(DataType.FLOAT, channels));
            SDVariable populationVar = variable(name + VAR, () -> Nd4j.ones(DataType.FLOAT, channels));
            SDVariable mean = populationMean;
            SDVariable variance = populationVar;
            if (training) {
                mean = channelMean(name + BATCH_MEAN, x);
                variance = channelMean(null, x.mul(x)).sub(name + BATCH_VAR, mean.mul(mean));
            }
            SDVariable scale = gamma.mul(sd.math().rsqrt(variance.add(BN_EPS)));
            SDVariable shift = beta.sub(mean.mul(scale));
            SDVariable kernel = scale.reshape(1, 1, channels, 1);
            return sd.cnn().depthWiseConv2d(x, kernel, shift, Conv2DConfig.builder().kH(1).kW(1).sH(1).sW(1)
                    .paddingMode(PaddingMode.VALID).dataFormat("NCHW").build());
        }

        private SDVariable variable(String name, Supplier<INDArray> fresh) {
            INDArray value = params.get(name);
            if (value == null) {
                if (init == null) {
                    throw new IllegalArgumentException("parameter " + name + " missing for this configuration");
                }
                value = fresh.get();
                params.put(name, value);
            }
            return sd.var(name, value);
        }

        /**
         * ReLU is max(x, 0): its gradient is built from vectorised ops (compare, cast, multiply),
         * where {@code relu}'s backward is libnd4j's thresholdedrelu_bp, a per-element
         * std::function call, which is slow where ReLU stays at full resolution (before a BatchNorm).
         */
        @Override
        public SDVariable activation(SDVariable x) {
            return switch (hp.activation()) {
                case "relu" -> sd.scalarMax(x, 0);
                case "leakyrelu" -> sd.nn().leakyRelu(x, 0.01);
                case "elu" -> sd.nn().elu(x);
                case "tanh" -> sd.math().tanh(x);
                case "swish" -> sd.nn().swish(x);
                default -> throw new IllegalArgumentException("unknown activation " + hp.activation());
            };
        }

        /**
         * The mean per channel over the batch and the pixels, in two reductions: over each image's
         * pixels, which are contiguous in NCHW, then over the batch. One reduction over dimensions
         * 0, 2 and 3 strides across the layout and took twice as long (5.5 against 2.5 ms on a
         * 128x64x28x28 tensor).
         */
        private SDVariable channelMean(String name, SDVariable x) {
            return sd.mean(name, sd.mean(x, false, 2, 3), false, 0);
        }

        /** Mean per-pixel loss. Cross-entropy is computed from the logits, the numerically stable form. */
        private SDVariable loss(SDVariable logits, SDVariable output, SDVariable label) {
            SDVariable perPixel = switch (hp.loss()) {
                case "mse" -> sd.math().square(PIXEL_LOSS, output.sub(label));
                case "l1" -> sd.math().abs(PIXEL_LOSS, output.sub(label));
                case "bce" -> sd.nn().relu(logits, 0).sub(logits.mul(label))
                        .add(PIXEL_LOSS, sd.math().log1p(sd.math().exp(sd.math().abs(logits).neg())));
                default -> throw new IllegalArgumentException("unknown loss " + hp.loss());
            };
            return perPixel.mean(LOSS);
        }
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
