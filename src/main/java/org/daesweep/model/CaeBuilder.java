package org.daesweep.model;

import org.daesweep.UserException;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the convolutional denoising autoencoder of one trial:
 * {@code depth} x (conv, [BN after the first], maxpool 2x2) | {@code depth} x (conv, upsample 2x)
 * | conv to 1 channel with sigmoid. Convolutions are 'same' padded, so the output has the
 * input's size whenever height and width divide by 2^depth.
 */
public final class CaeBuilder {
    private CaeBuilder() {
    }

    public static MultiLayerNetwork build(Hyperparameters hp, int height, int width, long seed) {
        int scale = 1 << hp.depth();
        if (height % scale != 0 || width % scale != 0) {
            throw new UserException("depth " + hp.depth() + " needs image sides divisible by " + scale
                    + ", but the images are " + height + "x" + width);
        }
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(hp.learningRate()))
                // Keras' default (glorot_uniform), so the reference study's numbers compare.
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .convolutionMode(ConvolutionMode.Same)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        Activation activation = activation(hp.activation());
        int k = hp.kernel();
        for (int block = 0; block < hp.depth(); block++) {
            layers.layer(new ConvolutionLayer.Builder(k, k).nOut(hp.filtersAt(block)).activation(activation).build());
            if (block == 0 && hp.batchNorm()) {
                layers.layer(new BatchNormalization.Builder().build());
            }
            layers.layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                    .kernelSize(2, 2).stride(2, 2).build());
        }
        for (int block = hp.depth() - 1; block >= 0; block--) {
            layers.layer(new ConvolutionLayer.Builder(k, k).nOut(hp.filtersAt(block)).activation(activation).build());
            layers.layer(new Upsampling2D.Builder(2).build());
        }
        layers.layer(new ConvolutionLayer.Builder(k, k).nOut(1).activation(Activation.SIGMOID).build());
        layers.layer(new CnnLossLayer.Builder(lossFunction(hp.loss())).activation(Activation.IDENTITY).build());
        layers.setInputType(InputType.convolutional(height, width, 1));
        MultiLayerNetwork net = new MultiLayerNetwork(layers.build());
        net.init();
        return net;
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "tanh" -> Activation.TANH;
            case "swish" -> Activation.SWISH;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }

    static LossFunction lossFunction(String name) {
        return switch (name) {
            case "mse" -> LossFunction.MSE;
            case "bce" -> LossFunction.XENT;
            case "l1" -> LossFunction.L1;
            default -> throw new IllegalArgumentException("unknown loss " + name);
        };
    }
}
