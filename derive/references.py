"""The bibliography: the original sources results cite, by key."""

from __future__ import annotations

from dataclasses import dataclass

from derive.errors import DefinitionError


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    year: int
    title: str
    venue: str

    def latex(self) -> str:
        return rf"{self.authors}. \emph{{{self.title}}}. {self.venue}, {self.year}."

    def short(self) -> str:
        """``Shannon 1948``, ``Bradley and Terry 1952``, ``Vaswani et al. 2017``."""
        names = [part.strip() for chunk in self.authors.split(",") for part in chunk.split(" and ") if part.strip()]
        surnames = [name.split()[-1] for name in names]
        if len(surnames) == 1:
            return f"{surnames[0]} {self.year}"
        if len(surnames) == 2:
            return f"{surnames[0]} and {surnames[1]} {self.year}"
        return f"{surnames[0]} et al. {self.year}"


REFERENCES = {
    r.key: r
    for r in [
        Reference("bayes1763", "Thomas Bayes", 1763,
                  "An Essay towards Solving a Problem in the Doctrine of Chances",
                  "Philosophical Transactions of the Royal Society of London 53:370--418"),
        Reference("bishop2006", "Christopher M. Bishop", 2006,
                  "Pattern Recognition and Machine Learning", "Springer, New York"),
        Reference("condorcet1785", "Nicolas de Condorcet", 1785,
                  "Essai sur l'application de l'analyse {\\`a} la probabilit{\\'e} des d{\\'e}cisions "
                  "rendues {\\`a} la pluralit{\\'e} des voix", "Imprimerie Royale, Paris"),
        Reference("cover2006", "Thomas M. Cover and Joy A. Thomas", 2006,
                  "Elements of Information Theory", "2nd edition, Wiley-Interscience, Hoboken"),
        Reference("eckart1936", "Carl Eckart and Gale Young", 1936,
                  "The Approximation of One Matrix by Another of Lower Rank", "Psychometrika 1(3):211--218"),
        Reference("fisher1922", "Ronald A. Fisher", 1922,
                  "On the Mathematical Foundations of Theoretical Statistics",
                  "Philosophical Transactions of the Royal Society A 222:309--368"),
        Reference("golub2013", "Gene H. Golub and Charles F. Van~Loan", 2013,
                  "Matrix Computations", "4th edition, Johns Hopkins University Press, Baltimore"),
        Reference("goodfellow2016", "Ian Goodfellow, Yoshua Bengio and Aaron Courville", 2016,
                  "Deep Learning", "MIT Press, Cambridge, MA"),
        Reference("hendrycks2016", "Dan Hendrycks and Kevin Gimpel", 2016,
                  "Gaussian Error Linear Units (GELUs)", "arXiv:1606.08415"),
        Reference("hinton2015", "Geoffrey Hinton, Oriol Vinyals and Jeff Dean", 2015,
                  "Distilling the Knowledge in a Neural Network", "arXiv:1503.02531"),
        Reference("jaynes1957", "Edwin T. Jaynes", 1957,
                  "Information Theory and Statistical Mechanics", "Physical Review 106(4):620--630"),
        Reference("jelinek1977", "Fred Jelinek, Robert L. Mercer, Lalit R. Bahl and James K. Baker", 1977,
                  "Perplexity---a Measure of the Difficulty of Speech Recognition Tasks",
                  "Journal of the Acoustical Society of America 62(S1):S63"),
        Reference("kalamkar2019", "Dhiraj Kalamkar, Dheevatsa Mudigere, Naveen Mellempudi and others", 2019,
                  "A Study of BFLOAT16 for Deep Learning Training", "arXiv:1905.12322"),
        Reference("kingma2015", "Diederik P. Kingma and Jimmy Ba", 2015,
                  "Adam: A Method for Stochastic Optimization", "International Conference on Learning "
                  "Representations (ICLR 2015), arXiv:1412.6980"),
        Reference("loshchilov2019", "Ilya Loshchilov and Frank Hutter", 2019,
                  "Decoupled Weight Decay Regularization", "International Conference on Learning "
                  "Representations (ICLR 2019), arXiv:1711.05101"),
        Reference("ouyang2022", "Long Ouyang, Jeff Wu, Xu Jiang and others", 2022,
                  "Training Language Models to Follow Instructions with Human Feedback",
                  "Advances in Neural Information Processing Systems 35 (NeurIPS 2022)"),
        Reference("robbins1951", "Herbert Robbins and Sutton Monro", 1951,
                  "A Stochastic Approximation Method", "Annals of Mathematical Statistics 22(3):400--407"),
        Reference("rumelhart1986", "David E. Rumelhart, Geoffrey E. Hinton and Ronald J. Williams", 1986,
                  "Learning Representations by Back-Propagating Errors", "Nature 323:533--536"),
        Reference("schulman2017", "John Schulman, Filip Wolski, Prafulla Dhariwal, Alec Radford and Oleg Klimov", 2017,
                  "Proximal Policy Optimization Algorithms", "arXiv:1707.06347"),
        Reference("shao2024", "Zhihong Shao, Peiyi Wang, Qihao Zhu and others", 2024,
                  "DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models",
                  "arXiv:2402.03300"),
        Reference("su2021", "Jianlin Su, Yu Lu, Shengfeng Pan, Ahmed Murtadha, Bo Wen and Yunfeng Liu", 2021,
                  "RoFormer: Enhanced Transformer with Rotary Position Embedding", "arXiv:2104.09864"),
        Reference("wang2023", "Xuezhi Wang, Jason Wei, Dale Schuurmans and others", 2023,
                  "Self-Consistency Improves Chain of Thought Reasoning in Language Models",
                  "International Conference on Learning Representations (ICLR 2023), arXiv:2203.11171"),
        Reference("williams1992", "Ronald J. Williams", 1992,
                  "Simple Statistical Gradient-Following Algorithms for Connectionist Reinforcement Learning",
                  "Machine Learning 8:229--256"),
        Reference("ba2016", "Jimmy Lei Ba, Jamie Ryan Kiros and Geoffrey E. Hinton", 2016,
                  "Layer Normalization", "arXiv:1607.06450"),
        Reference("bradley1952", "Ralph Allan Bradley and Milton E. Terry", 1952,
                  "Rank Analysis of Incomplete Block Designs: I. The Method of Paired Comparisons",
                  "Biometrika 39(3/4):324--345"),
        Reference("bridle1990", "John S. Bridle", 1990,
                  "Probabilistic Interpretation of Feedforward Classification Network Outputs, "
                  "with Relationships to Statistical Pattern Recognition",
                  "Neurocomputing: Algorithms, Architectures and Applications, Springer, 227--236"),
        Reference("gibbs1902", "J. Willard Gibbs", 1902,
                  "Elementary Principles in Statistical Mechanics", "Charles Scribner's Sons, New York"),
        Reference("hu2021", "Edward J. Hu, Yelong Shen, Phillip Wallis, Zeyuan Allen-Zhu, Yuanzhi Li, "
                  "Shean Wang, Lu Wang and Weizhu Chen", 2021,
                  "LoRA: Low-Rank Adaptation of Large Language Models", "arXiv:2106.09685 (ICLR 2022)"),
        Reference("kullback1951", "Solomon Kullback and Richard A. Leibler", 1951,
                  "On Information and Sufficiency", "Annals of Mathematical Statistics 22(1):79--86"),
        Reference("rafailov2023", "Rafael Rafailov, Archit Sharma, Eric Mitchell, Stefano Ermon, "
                  "Christopher D. Manning and Chelsea Finn", 2023,
                  "Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
                  "Advances in Neural Information Processing Systems 36 (NeurIPS 2023)"),
        Reference("shannon1948", "Claude E. Shannon", 1948,
                  "A Mathematical Theory of Communication", "Bell System Technical Journal 27:379--423, 623--656"),
        Reference("vaswani2017", "Ashish Vaswani, Noam Shazeer, Niki Parmar, Jakob Uszkoreit, Llion Jones, "
                  "Aidan N. Gomez, {\\L}ukasz Kaiser and Illia Polosukhin", 2017,
                  "Attention Is All You Need", "Advances in Neural Information Processing Systems 30 (NIPS 2017)"),
    ]
}


def reference(key: str) -> Reference:
    try:
        return REFERENCES[key]
    except KeyError:
        raise DefinitionError(f"unknown reference {key!r}; known keys: {', '.join(sorted(REFERENCES))}") from None
