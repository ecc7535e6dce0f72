package org.daesweep.model;

import org.daesweep.UserException;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The same denoiser as {@link SameDiffGraph}, built from DL4J layers as a ComputationGraph: the form
 * dl4j-spark trains data-parallel over executors (retrain.distributed). Layers are named after
 * SameDiffGraph's parameters (conv{i}, bn{j}), so a trained graph converts into a
 * {@link DenoisingNetwork} that predicts, saves and scores like any other.
 */
public final class LayerGraph implements Topology.Backend<String> {
    private final Hyperparameters hp;
    private final int height;
    private final int width;
    private ComputationGraphConfiguration.GraphBuilder graph;
    private int convs;
    private int norms;
    private int others;

    public LayerGraph(Hyperparameters hp, int height, int width) {
        if (hp.residual() || hp.linearOutput()) {
            throw new UserException("retrain.distributed: " + (hp.residual() ? "residual learning" : "a linear output")
                    + " has no DL4J layer form; set retrain.distributed = false for this configuration");
        }
        new SameDiffGraph(hp, height, width); // the same checks of depth against the image size
        this.hp = hp;
        this.height = height;
        this.width = width;
    }

    /**
     * The graph with the constant learning rate (DL4J serialises its configuration to the
     * executors as JSON, which only knows DL4J's own schedules).
     */
    public ComputationGraph build(long seed) {
        graph = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(hp.learningRate()))
                .weightInit(WeightInit.XAVIER_UNIFORM).convolutionMode(ConvolutionMode.Same).graphBuilder()
                .addInputs(SameDiffGraph.INPUT).setInputTypes(InputType.convolutional(height, width, 1));
        String logits = Topology.logits(hp, this, SameDiffGraph.INPUT);
        graph.addLayer(SameDiffGraph.LOSS, new CnnLossLayer.Builder(loss()).activation(Activation.SIGMOID).build(), logits)
                .setOutputs(SameDiffGraph.LOSS);
        ComputationGraph net = new ComputationGraph(graph.build());
        net.init();
        return net;
    }

    @Override
    public String conv(String x, int in, int out) {
        String name = "conv" + convs++;
        graph.addLayer(name, new ConvolutionLayer.Builder(hp.kernel(), hp.kernel()).nIn(in).nOut(out)
                .activation(Activation.IDENTITY).build(), x);
        return name;
    }

    @Override
    public String batchNorm(String x, int channels) {
        String name = "bn" + norms++;
        graph.addLayer(name, new BatchNormalization.Builder().nOut(channels).eps(SameDiffGraph.BN_EPS).useLogStd(false)
                .build(), x);
        return name;
    }

    @Override
    public String activation(String x) {
        Activation a = switch (hp.activation()) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "tanh" -> Activation.TANH;
            case "swish" -> Activation.SWISH;
            default -> throw new IllegalArgumentException("unknown activation " + hp.activation());
        };
        return add(new ActivationLayer.Builder().activation(a).build(), x);
    }

    @Override
    public String pool(String x) {
        return add(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), x);
    }

    @Override
    public String upsample(String x) {
        return add(new Upsampling2D.Builder(2).build(), x);
    }

    @Override
    public String upsampleConv(String x, int in, int out) {
        return conv(upsample(x), in, out);
    }

    @Override
    public String concat(String a, String b) {
        String merged = "merge" + others++;
        graph.addVertex(merged, new MergeVertex(), a, b);
        return merged;
    }

    @Override
    public String dropout(String x) {
        // DL4J's argument is the probability of keeping a unit.
        return hp.dropout() == 0 ? x : add(new DropoutLayer.Builder(1 - hp.dropout()).build(), x);
    }

    private String add(Layer layer, String x) {
        String name = "layer" + others++;
        graph.addLayer(name, layer, x);
        return name;
    }

    private LossFunctions.LossFunction loss() {
        return switch (hp.loss()) {
            case "mse" -> LossFunctions.LossFunction.MSE;
            case "l1" -> LossFunctions.LossFunction.L1;
            case "bce" -> LossFunctions.LossFunction.XENT;
            default -> throw new IllegalArgumentException("unknown loss " + hp.loss());
        };
    }

    /**
     * The trained graph as a {@link DenoisingNetwork}: kernels from DL4J's [out, in, kH, kW] to
     * libnd4j's [kH, kW, in, out], BatchNorm's running statistics as the population statistics.
     */
    public DenoisingNetwork toNetwork(ComputationGraph trained, long seed) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : new SameDiffGraph(hp, height, width).initialParameters(0).keySet()) {
            params.put(name, parameter(trained, name));
        }
        return DenoisingNetwork.withParameters(hp, height, width, params, 1, seed);
    }

    private static INDArray parameter(ComputationGraph g, String name) {
        if (name.startsWith("w")) {
            return g.getLayer("conv" + name.substring(1)).getParam("W").permute(2, 3, 1, 0).dup('c');
        }
        if (name.startsWith("b") && !name.startsWith("bn")) {
            return g.getLayer("conv" + name.substring(1)).getParam("b").reshape(-1).dup();
        }
        String layer = name.substring(0, name.indexOf('_'));
        String param = switch (name.substring(name.indexOf('_'))) {
            case SameDiffGraph.GAMMA -> "gamma";
            case SameDiffGraph.BETA -> "beta";
            case SameDiffGraph.MEAN -> "mean";
            case SameDiffGraph.VAR -> "var";
            default -> throw new IllegalArgumentException("no DL4J parameter for " + name);
        };
        return g.getLayer(layer).getParam(param).reshape(-1).dup();
    }
}
