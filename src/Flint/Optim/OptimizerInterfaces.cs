using Flint.Modules;

namespace Flint
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>TorchSharp's view of a learning rate that schedulers read and set (every <see cref="Modules.ParamGroup"/> has one).</summary>
            public interface ILearningRateController
            {
                /// <summary>The current learning rate.</summary>
                double LearningRate { get; set; }

                /// <summary>The initial learning rate (PyTorch's <c>initial_lr</c>).</summary>
                double InitialLearningRate { get; set; }
            }

            /// <summary>Optimizers and parameter groups with a <c>momentum</c> hyperparameter (SGD, RMSprop).</summary>
            public interface IMomentum
            {
                /// <summary>The momentum factor.</summary>
                double Momentum { get; set; }
            }

            /// <summary>Optimizers and parameter groups with <c>betas</c> instead of momentum (the Adam family).</summary>
            public interface IBetas
            {
                /// <summary>(beta1, beta2).</summary>
                (double, double) Betas { get; set; }
            }
        }
    }
}

namespace Flint.Modules
{
    public partial class ParamGroup : torch.optim.ILearningRateController
    {
        /// <summary>TorchSharp's <c>InitialLearningRate</c>: PyTorch's <c>initial_lr</c> once a scheduler recorded it, else the current rate.</summary>
        double torch.optim.ILearningRateController.InitialLearningRate
        {
            get => InitialLearningRate ?? LearningRate;
            set => InitialLearningRate = value;
        }
    }

    public partial class SGD : torch.optim.IMomentum
    {
        /// <summary>TorchSharp's <c>Momentum</c>: the default momentum of groups added from now on.</summary>
        public double Momentum { get => ((Options)defaults).momentum!.Value; set => ((Options)defaults).momentum = value; }

        public partial class ParamGroup : torch.optim.IMomentum
        {
            /// <summary>This group's momentum (PyTorch's <c>group['momentum']</c>).</summary>
            public double Momentum { get => Req(Options).momentum!.Value; set => Req(Options).momentum = value; }
        }
    }

    public partial class RMSProp : torch.optim.IMomentum
    {
        /// <summary>TorchSharp's <c>Momentum</c>: the default momentum of groups added from now on.</summary>
        public double Momentum { get => ((Options)defaults).momentum!.Value; set => ((Options)defaults).momentum = value; }

        public partial class ParamGroup : torch.optim.IMomentum
        {
            /// <summary>This group's momentum (PyTorch's <c>group['momentum']</c>).</summary>
            public double Momentum { get => Req(Options).momentum!.Value; set => Req(Options).momentum = value; }
        }
    }

    public partial class Adam : torch.optim.IBetas
    {
        /// <summary>TorchSharp's <c>Betas</c>: the default (beta1, beta2) of groups added from now on.</summary>
        public (double, double) Betas
        {
            get => (((Options)defaults).beta1!.Value, ((Options)defaults).beta2!.Value);
            set { ((Options)defaults).beta1 = value.Item1; ((Options)defaults).beta2 = value.Item2; }
        }

        public partial class ParamGroup : torch.optim.IBetas
        {
            /// <summary>This group's (beta1, beta2) (PyTorch's <c>group['betas']</c>).</summary>
            public (double, double) Betas
            {
                get => (Req(Options).beta1!.Value, Req(Options).beta2!.Value);
                set { Req(Options).beta1 = value.Item1; Req(Options).beta2 = value.Item2; }
            }
        }
    }

    public partial class Adamax : torch.optim.IBetas
    {
        /// <summary>TorchSharp's <c>Betas</c>: the default (beta1, beta2) of groups added from now on.</summary>
        public (double, double) Betas
        {
            get => (((Options)defaults).beta1!.Value, ((Options)defaults).beta2!.Value);
            set { ((Options)defaults).beta1 = value.Item1; ((Options)defaults).beta2 = value.Item2; }
        }

        public partial class ParamGroup : torch.optim.IBetas
        {
            /// <summary>This group's (beta1, beta2) (PyTorch's <c>group['betas']</c>).</summary>
            public (double, double) Betas
            {
                get => (Req(Options).beta1!.Value, Req(Options).beta2!.Value);
                set { Req(Options).beta1 = value.Item1; Req(Options).beta2 = value.Item2; }
            }
        }
    }

    public partial class NAdam : torch.optim.IBetas
    {
        /// <summary>TorchSharp's <c>Betas</c>: the default (beta1, beta2) of groups added from now on.</summary>
        public (double, double) Betas
        {
            get => (((Options)defaults).beta1!.Value, ((Options)defaults).beta2!.Value);
            set { ((Options)defaults).beta1 = value.Item1; ((Options)defaults).beta2 = value.Item2; }
        }

        public partial class ParamGroup : torch.optim.IBetas
        {
            /// <summary>This group's (beta1, beta2) (PyTorch's <c>group['betas']</c>).</summary>
            public (double, double) Betas
            {
                get => (Req(Options).beta1!.Value, Req(Options).beta2!.Value);
                set { Req(Options).beta1 = value.Item1; Req(Options).beta2 = value.Item2; }
            }
        }
    }

    public partial class RAdam : torch.optim.IBetas
    {
        /// <summary>TorchSharp's <c>Betas</c>: the default (beta1, beta2) of groups added from now on.</summary>
        public (double, double) Betas
        {
            get => (((Options)defaults).beta1!.Value, ((Options)defaults).beta2!.Value);
            set { ((Options)defaults).beta1 = value.Item1; ((Options)defaults).beta2 = value.Item2; }
        }

        public partial class ParamGroup : torch.optim.IBetas
        {
            /// <summary>This group's (beta1, beta2) (PyTorch's <c>group['betas']</c>).</summary>
            public (double, double) Betas
            {
                get => (Req(Options).beta1!.Value, Req(Options).beta2!.Value);
                set { Req(Options).beta1 = value.Item1; Req(Options).beta2 = value.Item2; }
            }
        }
    }

    public partial class ParamGroup
    {
        /// <summary>The options of a group already added to an optimizer.</summary>
        private protected static T Req<T>(T? options) where T : OptimizerOptions =>
            options ?? throw new InvalidOperationException("this parameter group has no options yet: add it to an optimizer first");
    }
}
